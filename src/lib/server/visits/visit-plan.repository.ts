import type { Db } from '../db/connection';
import { onPeriodUnitOfVisit, onSheetOfVisitAssessor, regularTeamsOf, regularVisitsOf } from './visit-joins';

// Queries of visit planning and the schedule pages ("Buat jadwal").

export interface PlanningUnitRow {
	unitId: number;
	code: string;
	name: string;
	category: string;
}

/** Units a period covers; `activeOnly` leaves out units deactivated since (nobody visits them). */
export async function listPeriodUnitsForPlanning(
	db: Db,
	periodId: number,
	activeOnly = false
): Promise<PlanningUnitRow[]> {
	let q = db
		.selectFrom('period_unit')
		.innerJoin('unit', 'unit.id', 'period_unit.unit_id')
		.innerJoin('category', 'category.id', 'period_unit.category_id')
		.select(['unit.id as unitId', 'unit.code', 'unit.name', 'category.name as category'])
		.where('period_unit.period_id', '=', periodId);
	if (activeOnly) q = q.where('unit.active', '=', 1);
	return q.orderBy('category.position').orderBy('unit.code').execute();
}

export interface ScheduledVisit {
	visitId: number;
	unitId: number;
	unitCode: string;
	unitName: string;
	category: string;
	visitNo: number;
	plannedOn: string | null;
	assessors: { id: number; name: string; affiliation: string | null; submitted: boolean }[];
}

/** Regular visits of a period with their team and whether each member submitted a sheet. */
export async function listScheduledVisits(db: Db, periodId: number): Promise<ScheduledVisit[]> {
	const visits = await regularVisitsOf(db, periodId)
		.innerJoin('unit', 'unit.id', 'visit.unit_id')
		.innerJoin('period_unit', onPeriodUnitOfVisit)
		.innerJoin('category', 'category.id', 'period_unit.category_id')
		.select([
			'visit.id as visitId',
			'visit.unit_id as unitId',
			'unit.code as unitCode',
			'unit.name as unitName',
			'category.name as category',
			'visit.visit_no as visitNo',
			'visit.planned_on as plannedOn'
		])
		.orderBy('visit.planned_on')
		.orderBy('unit.code')
		.orderBy('visit.visit_no')
		.execute();
	const team = await regularTeamsOf(db, periodId)
		.leftJoin('score_sheet', onSheetOfVisitAssessor)
		.select([
			'visit_assessor.visit_id as visitId',
			'user.id',
			'user.name',
			'user.affiliation_name as affiliation',
			'score_sheet.status'
		])
		.orderBy('user.name')
		.execute();
	const byVisit = new Map<number, ScheduledVisit['assessors']>();
	for (const t of team) {
		const list = byVisit.get(t.visitId) ?? [];
		list.push({ id: t.id, name: t.name, affiliation: t.affiliation, submitted: t.status === 'submitted' });
		byVisit.set(t.visitId, list);
	}
	return visits.map((v) => ({ ...v, assessors: byVisit.get(v.visitId) ?? [] }));
}

export interface AssessorOption {
	id: number;
	name: string;
	affiliation: string | null;
}

export async function listActiveAssessors(db: Db): Promise<AssessorOption[]> {
	return db
		.selectFrom('user')
		.select(['id', 'name', 'affiliation_name as affiliation'])
		.where('role', '=', 'assessor')
		.where('active', '=', 1)
		.orderBy('name')
		.orderBy('id')
		.execute();
}

export async function findVisitOfPeriod(
	db: Db,
	periodId: number,
	visitId: number
): Promise<ScheduledVisit | null> {
	return (await listScheduledVisits(db, periodId)).find((v) => v.visitId === visitId) ?? null;
}

export async function setVisitPlannedOn(db: Db, visitId: number, date: string | null): Promise<void> {
	await db.updateTable('visit').set({ planned_on: date }).where('id', '=', visitId).execute();
}

export async function removeVisitAssessor(db: Db, visitId: number, userId: number): Promise<void> {
	await db
		.deleteFrom('visit_assessor')
		.where('visit_id', '=', visitId)
		.where('user_id', '=', userId)
		.execute();
}

export async function hasSheetOnVisit(db: Db, visitId: number, userId: number): Promise<boolean> {
	const row = await db
		.selectFrom('score_sheet')
		.select('id')
		.where('visit_id', '=', visitId)
		.where('assessor_id', '=', userId)
		.executeTakeFirst();
	return Boolean(row);
}
