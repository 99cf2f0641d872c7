import type { Db } from '../db/connection';

export interface AssessorConflict {
	unitCode: string;
	unitName: string;
	reason: string | null;
}

export interface AssessorConstraints {
	conflicts: AssessorConflict[];
	unavailableDates: string[];
}

export async function listAssessorConstraints(db: Db, userId: number): Promise<AssessorConstraints> {
	const conflicts = await db
		.selectFrom('assessor_conflict')
		.innerJoin('unit', 'unit.id', 'assessor_conflict.unit_id')
		.select(['unit.code as unitCode', 'unit.name as unitName', 'assessor_conflict.reason'])
		.where('assessor_conflict.user_id', '=', userId)
		.orderBy('unit.code')
		.execute();
	const dates = await db
		.selectFrom('assessor_unavailable_date')
		.select('date')
		.where('user_id', '=', userId)
		.orderBy('date')
		.execute();
	return { conflicts, unavailableDates: dates.map((d) => d.date) };
}

export async function insertConflict(
	db: Db,
	userId: number,
	unitId: number,
	reason: string | null
): Promise<void> {
	await db
		.insertInto('assessor_conflict')
		.values({ user_id: userId, unit_id: unitId, reason })
		.onConflict((oc) => oc.columns(['user_id', 'unit_id']).doUpdateSet({ reason }))
		.execute();
}

/** Deletes one declared conflict; false when none was recorded. */
export async function deleteConflict(db: Db, userId: number, unitId: number): Promise<boolean> {
	const [result] = await db
		.deleteFrom('assessor_conflict')
		.where('user_id', '=', userId)
		.where('unit_id', '=', unitId)
		.execute();
	return Number(result?.numDeletedRows ?? 0) > 0;
}

export async function insertUnavailableDates(db: Db, userId: number, dates: string[]): Promise<void> {
	if (dates.length === 0) return;
	await db
		.insertInto('assessor_unavailable_date')
		.values(dates.map((date) => ({ user_id: userId, date })))
		.onConflict((oc) => oc.doNothing())
		.execute();
}

export async function deleteUnavailableDate(db: Db, userId: number, date: string): Promise<void> {
	await db
		.deleteFrom('assessor_unavailable_date')
		.where('user_id', '=', userId)
		.where('date', '=', date)
		.execute();
}

/** Conflicts of every assessor, as pairs of ids, for planning. */
export async function listAllConflicts(db: Db): Promise<{ userId: number; unitId: number }[]> {
	return db.selectFrom('assessor_conflict').select(['user_id as userId', 'unit_id as unitId']).execute();
}

export async function listUnavailableDatesBetween(
	db: Db,
	from: string,
	to: string
): Promise<{ userId: number; date: string }[]> {
	return db
		.selectFrom('assessor_unavailable_date')
		.select(['user_id as userId', 'date'])
		.where('date', '>=', from)
		.where('date', '<=', to)
		.execute();
}

/** Every account's email, role, name and affiliation: what an assessor import compares against. */
export async function listAccountsForImport(db: Db) {
	const rows = await db
		.selectFrom('user')
		.select([
			'email',
			'role',
			'name',
			'affiliation_type as affiliationType',
			'affiliation_name as affiliationName'
		])
		.execute();
	return rows;
}
