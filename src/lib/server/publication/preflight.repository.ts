import type { Db } from '../db/connection';
import { regularSheetsOf } from '../sheets/unit-sheet.repository';
import { regularVisitsOf } from '../visits/visit-joins';

// What the publication preflight (docs/rules.md §8.1) reads besides the results and the flags: draft
// sheets, the visit window, and visits planned for later dates. Regular visits only: a
// follow-up visit (docs/rules.md §8.4) never enters the period's results.

export interface DraftSheetRow {
	unitCode: string;
	visitNo: number;
	assessor: string;
}

export async function listDraftSheets(db: Db, periodId: number): Promise<DraftSheetRow[]> {
	const rows = await regularSheetsOf(db, periodId)
		.innerJoin('unit', 'unit.id', 'visit.unit_id')
		.innerJoin('user', 'user.id', 'score_sheet.assessor_id')
		.select(['unit.code', 'visit.visit_no', 'user.name'])
		.where('score_sheet.status', '=', 'draft')
		.orderBy('unit.code')
		.orderBy('visit.visit_no')
		.orderBy('user.name')
		.execute();
	return rows.map((r) => ({ unitCode: r.code, visitNo: r.visit_no, assessor: r.name }));
}

export interface LaterVisitRow {
	unitCode: string;
	visitNo: number;
	plannedOn: string;
}

/** Regular visits planned after `today` (ISO date) that have no submitted sheet yet. */
export async function listLaterVisits(db: Db, periodId: number, today: string): Promise<LaterVisitRow[]> {
	const rows = await regularVisitsOf(db, periodId)
		.innerJoin('unit', 'unit.id', 'visit.unit_id')
		.select(['unit.code', 'visit.visit_no', 'visit.planned_on'])
		.where('visit.planned_on', '>', today)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('score_sheet')
						.select('score_sheet.id')
						.whereRef('score_sheet.visit_id', '=', 'visit.id')
						.where('score_sheet.status', '=', 'submitted')
				)
			)
		)
		.orderBy('visit.planned_on')
		.orderBy('unit.code')
		.execute();
	return rows.map((r) => ({ unitCode: r.code, visitNo: r.visit_no, plannedOn: r.planned_on! }));
}

export async function findPeriodWindowEnd(db: Db, periodId: number): Promise<string> {
	const r = await db
		.selectFrom('period')
		.select('ends_on')
		.where('id', '=', periodId)
		.executeTakeFirstOrThrow();
	return r.ends_on;
}
