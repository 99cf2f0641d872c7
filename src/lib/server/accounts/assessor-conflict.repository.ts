import type { Db } from '../db/connection';

/** The declared affiliation of an assessor with a unit, or null when there is none. */
export async function findAssessorConflict(
	db: Db,
	userId: number,
	unitId: number
): Promise<{ reason: string | null } | null> {
	const r = await db
		.selectFrom('assessor_conflict')
		.select('reason')
		.where('user_id', '=', userId)
		.where('unit_id', '=', unitId)
		.executeTakeFirst();
	return r ? { reason: r.reason } : null;
}

/** Every declared conflict, keyed `userId:unitId`, with its stated reason (imports check many rows). */
export async function mapConflictReasons(db: Db): Promise<Map<string, string | null>> {
	const rows = await db.selectFrom('assessor_conflict').select(['user_id', 'unit_id', 'reason']).execute();
	return new Map(rows.map((r) => [`${r.user_id}:${r.unit_id}`, r.reason]));
}
