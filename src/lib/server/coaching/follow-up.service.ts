import type { Db } from '../db/connection';
import type { SessionUser } from '../../domain/auth/user';
import { auditTrail } from '../audit/audit.repository';
import { findPlanById } from './coaching-plan.repository';
import { listAssessors, nextFollowUpVisitNo } from './follow-up.repository';
import { addVisitAssessor, insertVisit } from '../visits/visit.repository';
import { ok, refuse, type ServiceResult } from '../service-result';
import { findAssessorConflict } from '../accounts/assessor-conflict.repository';
import { findPeriodOrRefuse } from '../periods/period-lookup';

// A follow-up visit (kunjungan tindak lanjut, docs/rules.md §5) re-scores only the plan's indicators. It is
// a visit of kind 'follow_up' tied to the plan, so results, which read regular visits only, and
// the published IPP stay as they are.

export async function scheduleFollowUp(
	db: Db,
	admin: SessionUser,
	planId: number,
	input: { plannedOn: string; assessorId: number },
	now: Date
): Promise<ServiceResult<number>> {
	const plan = await findPlanById(db, planId);
	if (!plan) return refuse(404, 'srv_plan_not_found');
	if (plan.status !== 'active') return refuse(409, 'srv_follow_up_plan_inactive');
	const assessors = await listAssessors(db);
	if (!assessors.some((a) => a.id === input.assessorId)) return refuse(400, 'srv_follow_up_pick_assessor');
	// docs/rules.md §8.4-8.5: conflicts of interest bind follow-up visits as every other visit.
	const conflict = await findAssessorConflict(db, input.assessorId, plan.unitId);
	if (conflict)
		return refuse(409, 'srv_follow_up_conflict', {
			unit: plan.unitName,
			detail: conflict.reason ? ` (${conflict.reason})` : ''
		});
	const found = await findPeriodOrRefuse(db, plan.periodCode);
	if (!found.ok) return found;
	const period = found.value;
	const visitId = await db.transaction().execute(async (tx) => {
		const visitNo = await nextFollowUpVisitNo(tx, period.id, plan.unitId);
		const id = await insertVisit(
			tx,
			{
				periodId: period.id,
				unitId: plan.unitId,
				visitNo,
				plannedOn: input.plannedOn,
				kind: 'follow_up',
				coachingPlanId: planId
			},
			now
		);
		await addVisitAssessor(tx, id, input.assessorId);
		await auditTrail(tx, admin.id, now).record('visit.follow_up', 'coaching_plan', planId, {
			visitId: id,
			plannedOn: input.plannedOn,
			assessorId: input.assessorId
		});
		return id;
	});
	return ok(visitId);
}
