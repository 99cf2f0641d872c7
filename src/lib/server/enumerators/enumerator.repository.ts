import { sql } from 'kysely';
import type { Db } from '../db/connection';

// Survey enumerators' units within a period and their own questionnaires (README "Survey enumerators").

export interface EnumeratorUnit {
	periodId: number;
	periodCode: string;
	periodName: string;
	surveyFrom: string;
	surveyTo: string;
	unitId: number;
	unitCode: string;
	unitName: string;
	category: string;
	yearlyServiceUsers: number | null;
	/** questionnaires this enumerator entered for the unit in the period */
	entered: number;
}

/**
 * Questionnaires the assignment's enumerator entered for its unit and period, as a column of a
 * query over `survey_enumerator as se`.
 */
export function enteredCount(db: Db) {
	return db
		.selectFrom('survey_response as r')
		.where('r.period_id', '=', sql.ref<number>('se.period_id'))
		.where('r.unit_id', '=', sql.ref<number>('se.unit_id'))
		.where('r.entered_by', '=', sql.ref<number>('se.user_id'))
		.where('r.source', '=', 'enumerator')
		.select((e) => e.fn.countAll<number>().as('n'))
		.as('entered');
}

/** One enumerator on one unit in one period: a `survey_enumerator` row. */
export interface EnumeratorAssignment {
	periodId: number;
	unitId: number;
	userId: number;
}

const assignmentRow = (a: EnumeratorAssignment) => ({
	period_id: a.periodId,
	unit_id: a.unitId,
	user_id: a.userId
});

export async function assignEnumerator(db: Db, a: EnumeratorAssignment): Promise<boolean> {
	const r = await db
		.insertInto('survey_enumerator')
		.values(assignmentRow(a))
		.onConflict((oc) => oc.doNothing())
		.executeTakeFirst();
	return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function isEnumeratorOf(db: Db, a: EnumeratorAssignment): Promise<boolean> {
	const row = await db
		.selectFrom('survey_enumerator')
		.select('user_id')
		.where((eb) => eb.and(assignmentRow(a)))
		.executeTakeFirst();
	return row !== undefined;
}

/** The enumerator's units in periods still collecting (not draft, not archived), newest period first. */
export async function listEnumeratorUnits(db: Db, userId: number): Promise<EnumeratorUnit[]> {
	const rows = await db
		.selectFrom('survey_enumerator as se')
		.innerJoin('period as p', 'p.id', 'se.period_id')
		.innerJoin('unit as u', 'u.id', 'se.unit_id')
		.innerJoin('category as c', 'c.id', 'u.category_id')
		.where('se.user_id', '=', userId)
		.where('p.status', 'not in', ['draft', 'archived'])
		.select([
			'p.id as periodId',
			'p.code as periodCode',
			'p.name as periodName',
			'p.survey_from as surveyFrom',
			'p.survey_to as surveyTo',
			'u.id as unitId',
			'u.code as unitCode',
			'u.name as unitName',
			'c.name as category',
			'u.yearly_service_users as yearlyServiceUsers',
			enteredCount(db)
		])
		.orderBy('p.survey_from', 'desc')
		.orderBy('c.position')
		.orderBy('u.code')
		.execute();
	return rows.map((r) => ({ ...r, entered: Number(r.entered ?? 0) }));
}

/** The questionnaire an enumerator's device already sent under this id, if any. */
export async function findEnumeratorResponse(
	db: Db,
	userId: number,
	deviceId: string
): Promise<{ id: number; periodId: number; unitId: number } | null> {
	const row = await db
		.selectFrom('survey_response')
		.select(['id', 'period_id', 'unit_id'])
		.where('entered_by', '=', userId)
		.where('device_id', '=', deviceId)
		.executeTakeFirst();
	return row ? { id: row.id, periodId: row.period_id, unitId: row.unit_id } : null;
}

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
export async function unassignEnumerator(db: Db, a: EnumeratorAssignment): Promise<boolean> {
	const r = await db
		.deleteFrom('survey_enumerator')
		.where((eb) => eb.and(assignmentRow(a)))
		.executeTakeFirst();
	return Number(r.numDeletedRows ?? 0) > 0;
}
