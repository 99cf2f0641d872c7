import type { Db } from '../db/connection';
import { onPeriodUnitOfVisit, onSheetOfVisitAssessor, regularTeamsOf } from './visit-joins';
import type { Assignment } from '../../domain/progress/progress';
import { countedSheetsOf } from '../sheets/unit-sheet.repository';

/** Every (regular visit, assessor) pair of a period with whether that assessor's sheet is submitted. */
export async function listAssignments(db: Db, periodId: number): Promise<Assignment[]> {
	const rows = await regularTeamsOf(db, periodId)
		.innerJoin('period_unit', onPeriodUnitOfVisit)
		.innerJoin('category', 'category.id', 'period_unit.category_id')
		.leftJoin('score_sheet', onSheetOfVisitAssessor)
		.select([
			'visit.id as visitId',
			'visit.unit_id as unitId',
			'category.name as category',
			'visit.planned_on as plannedOn',
			'user.id as assessorId',
			'user.name as assessorName',
			'score_sheet.status'
		])
		.orderBy('category.position')
		.execute();
	return rows.map(({ status, ...r }) => ({ ...r, submitted: status === 'submitted' }));
}

export interface SubmittedSheet {
	unitId: number;
	visitNo: number;
	assessorId: number;
	submittedAt: number;
}

export async function listSubmittedSheets(db: Db, periodId: number): Promise<SubmittedSheet[]> {
	const rows = await countedSheetsOf(db, periodId)
		.select([
			'visit.unit_id as unitId',
			'visit.visit_no as visitNo',
			'score_sheet.assessor_id as assessorId',
			'score_sheet.submitted_at as submittedAt'
		])
		.execute();
	return rows.map((r) => ({ ...r, submittedAt: r.submittedAt ?? 0 }));
}
