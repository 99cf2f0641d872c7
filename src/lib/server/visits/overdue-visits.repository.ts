import type { Db } from '../db/connection';
import type { OverdueVisit } from '../../domain/progress/reminder';
import { onSheetOfVisitAssessor } from './visit-joins';

/** Regular visits planned before `today` whose assessor has not submitted a sheet yet. */
export async function listOverdueVisits(db: Db, periodCode: string, today: string): Promise<OverdueVisit[]> {
	const rows = await db
		.selectFrom('visit_assessor')
		.innerJoin('visit', 'visit.id', 'visit_assessor.visit_id')
		.innerJoin('period', 'period.id', 'visit.period_id')
		.innerJoin('user', 'user.id', 'visit_assessor.user_id')
		.innerJoin('unit', 'unit.id', 'visit.unit_id')
		.leftJoin('score_sheet', onSheetOfVisitAssessor)
		.select([
			'visit.id as visitId',
			'visit.planned_on as plannedOn',
			'unit.code as unitCode',
			'unit.name as unitName',
			'user.id as assessorId',
			'user.name as assessorName',
			'user.email as email',
			'user.phone as phone',
			'score_sheet.status'
		])
		.where('period.code', '=', periodCode)
		.where('visit.kind', '=', 'regular')
		.where('visit.planned_on', '<', today)
		.orderBy('visit.planned_on')
		.execute();
	return rows
		.filter((r) => r.status !== 'submitted' && r.plannedOn !== null)
		.map(({ status: _status, ...r }) => ({ ...r, plannedOn: r.plannedOn! }));
}
