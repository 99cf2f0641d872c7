import type { Db } from '../db/connection';

export type SheetState = 'not_started' | 'draft' | 'submitted';

export interface AssignedVisit {
	visitId: number;
	periodCode: string;
	periodName: string;
	unitCode: string;
	unitName: string;
	category: string;
	visitNo: number;
	kind: 'regular' | 'follow_up';
	plannedOn: string | null;
	sheetState: SheetState;
}

/** The visits an assessor is on, with the state of their own sheet only (blind scoring). */
export async function listVisitsOfAssessor(db: Db, userId: number): Promise<AssignedVisit[]> {
	const rows = await db
		.selectFrom('visit_assessor')
		.innerJoin('visit', 'visit.id', 'visit_assessor.visit_id')
		.innerJoin('period', 'period.id', 'visit.period_id')
		.innerJoin('unit', 'unit.id', 'visit.unit_id')
		.innerJoin('period_unit', (j) =>
			j
				.onRef('period_unit.period_id', '=', 'visit.period_id')
				.onRef('period_unit.unit_id', '=', 'visit.unit_id')
		)
		.innerJoin('category', 'category.id', 'period_unit.category_id')
		.leftJoin('score_sheet', (j) =>
			j
				.onRef('score_sheet.visit_id', '=', 'visit.id')
				.onRef('score_sheet.assessor_id', '=', 'visit_assessor.user_id')
		)
		.select([
			'visit.id as visitId',
			'period.code as periodCode',
			'period.name as periodName',
			'unit.code as unitCode',
			'unit.name as unitName',
			'category.name as category',
			'visit.visit_no as visitNo',
			'visit.kind',
			'visit.planned_on as plannedOn',
			'score_sheet.status as sheetStatus'
		])
		.where('visit_assessor.user_id', '=', userId)
		.where('period.status', 'in', ['running', 'review', 'draft', 'published'])
		.orderBy('visit.planned_on')
		.orderBy('unit.name')
		.execute();
	return rows.map((r) => ({
		visitId: r.visitId,
		periodCode: r.periodCode,
		periodName: r.periodName,
		unitCode: r.unitCode,
		unitName: r.unitName,
		category: r.category,
		visitNo: r.visitNo,
		kind: r.kind,
		plannedOn: r.plannedOn,
		sheetState: r.sheetStatus ?? 'not_started'
	}));
}

export interface NewVisit {
	periodId: number;
	unitId: number;
	visitNo: number;
	plannedOn: string | null;
	kind?: 'regular' | 'follow_up';
	coachingPlanId?: number | null;
}

export async function insertVisit(db: Db, v: NewVisit, now: Date): Promise<number> {
	const { id } = await db
		.insertInto('visit')
		.values({
			period_id: v.periodId,
			unit_id: v.unitId,
			visit_no: v.visitNo,
			planned_on: v.plannedOn,
			kind: v.kind ?? 'regular',
			coaching_plan_id: v.coachingPlanId ?? null,
			created_at: now.getTime()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export async function addVisitAssessor(db: Db, visitId: number, userId: number): Promise<void> {
	await db
		.insertInto('visit_assessor')
		.values({ visit_id: visitId, user_id: userId })
		.onConflict((oc) => oc.doNothing())
		.execute();
}
