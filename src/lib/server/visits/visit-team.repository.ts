import { sql } from 'kysely';
import type { Db } from '../db/connection';
import { groupConcat, anyColumnContains } from '../db/dialect';
import { regularVisitsOf } from './visit-joins';
import type { VisitKind } from './visit.repository';

// Visit planning queries: the team of a visit, the administrators' list, assignment lookups.
export async function findRegularVisitId(
	db: Db,
	periodId: number,
	unitId: number,
	visitNo: number
): Promise<number | null> {
	const r = await regularVisitsOf(db, periodId)
		.select('visit.id')
		.where('visit.unit_id', '=', unitId)
		.where('visit.visit_no', '=', visitNo)
		.executeTakeFirst();
	return r?.id ?? null;
}

export interface VisitAssessor {
	userId: number;
	name: string;
	email: string;
}

export async function listVisitAssessors(db: Db, visitId: number): Promise<VisitAssessor[]> {
	return db
		.selectFrom('visit_assessor')
		.innerJoin('user', 'user.id', 'visit_assessor.user_id')
		.select(['user.id as userId', 'user.name', 'user.email'])
		.where('visit_assessor.visit_id', '=', visitId)
		.orderBy('user.name')
		.execute();
}

export interface AdminVisitRow {
	visitId: number;
	unitCode: string;
	unitName: string;
	visitNo: number;
	kind: VisitKind;
	plannedOn: string | null;
	assessors: string;
	submitted: number;
	sheets: number;
}

/** Visits of a period for the administrators' list, optionally filtered by unit code or name. */
export async function listVisitsOfPeriod(
	db: Db,
	periodId: number,
	f: { query?: string; limit: number; offset: number }
): Promise<{ rows: AdminVisitRow[]; total: number }> {
	let q = db
		.selectFrom('visit')
		.innerJoin('unit', 'unit.id', 'visit.unit_id')
		.where('visit.period_id', '=', periodId);
	if (f.query) q = q.where(anyColumnContains(db, ['unit.name', 'unit.code'], f.query));
	const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
	const rows = await q
		.select((eb) => [
			'visit.id as visitId',
			'unit.code as unitCode',
			'unit.name as unitName',
			'visit.visit_no as visitNo',
			'visit.kind',
			'visit.planned_on as plannedOn',
			eb
				.selectFrom('visit_assessor')
				.innerJoin('user', 'user.id', 'visit_assessor.user_id')
				.whereRef('visit_assessor.visit_id', '=', 'visit.id')
				.select(groupConcat(db, sql.ref('user.name'), ', ').as('n'))
				.as('assessors'),
			eb
				.selectFrom('score_sheet')
				.whereRef('score_sheet.visit_id', '=', 'visit.id')
				.where('score_sheet.status', '=', 'submitted')
				.select(eb.fn.countAll<number>().as('n'))
				.as('submitted'),
			eb
				.selectFrom('score_sheet')
				.whereRef('score_sheet.visit_id', '=', 'visit.id')
				.select(eb.fn.countAll<number>().as('n'))
				.as('sheets')
		])
		.orderBy('unit.code')
		.orderBy('visit.kind')
		.orderBy('visit.visit_no')
		.limit(f.limit)
		.offset(f.offset)
		.execute();
	return {
		rows: rows.map((r) => ({
			...r,
			assessors: r.assessors ?? '',
			submitted: Number(r.submitted ?? 0),
			sheets: Number(r.sheets ?? 0)
		})),
		total: Number(total)
	};
}

/** Regular visits of a unit in a period that an assessor is already on. */
export async function listVisitNosOfAssessorForUnit(
	db: Db,
	periodId: number,
	unitId: number,
	userId: number
): Promise<number[]> {
	const rows = await regularVisitsOf(db, periodId)
		.innerJoin('visit_assessor', 'visit_assessor.visit_id', 'visit.id')
		.select('visit.visit_no')
		.where('visit.unit_id', '=', unitId)
		.where('visit_assessor.user_id', '=', userId)
		.execute();
	return rows.map((r) => r.visit_no);
}
