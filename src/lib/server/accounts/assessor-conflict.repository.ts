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
