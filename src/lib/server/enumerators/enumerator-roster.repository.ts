import type { Db } from '../db/connection';
import { enteredCount } from './enumerator.repository';

// The office's view of a period's enumerators (README "Survey enumerators"): who works at which
// unit and how many questionnaires each has entered there.

export interface RosterEntry {
	unitId: number;
	userId: number;
	name: string;
	email: string;
	active: boolean;
	/** questionnaires this enumerator entered for the unit in the period */
	entered: number;
}

export async function listPeriodEnumerators(db: Db, periodId: number): Promise<RosterEntry[]> {
	const rows = await db
		.selectFrom('survey_enumerator as se')
		.innerJoin('user as u', 'u.id', 'se.user_id')
		.where('se.period_id', '=', periodId)
		.select([
			'se.unit_id as unitId',
			'u.id as userId',
			'u.name as name',
			'u.email as email',
			'u.active as active',
			enteredCount(db)
		])
		.orderBy('u.name')
		.orderBy('se.unit_id')
		.execute();
	return rows.map((r) => ({ ...r, active: Number(r.active) === 1, entered: Number(r.entered ?? 0) }));
}

/** Removes the assignment only; the questionnaires already entered stay with the unit. */
export async function unassignEnumerator(
	db: Db,
	a: { periodId: number; unitId: number; userId: number }
): Promise<boolean> {
	const r = await db
		.deleteFrom('survey_enumerator')
		.where('period_id', '=', a.periodId)
		.where('unit_id', '=', a.unitId)
		.where('user_id', '=', a.userId)
		.executeTakeFirst();
	return Number(r.numDeletedRows ?? 0) > 0;
}
