import type { Db } from '../db/connection';
import { readsOfficeData } from '../../domain/auth/office-readers';
import type { SessionUser } from '../../domain/auth/user';
import { isHeadOfUnit } from '../report-cards/report-card.repository';
import { ok, refuse, type ServiceResult } from '../service-result';
import { isOverdue, latestFollowUpScores } from '../../domain/coaching';
import { findPlanById, type PlanSummary } from './coaching-plan.repository';
import { listItemsOfPlans, type PlanItem } from './coaching-item.repository';
import { listProgressOfItems, type ProgressEntry } from './coaching-progress.repository';
import { listFollowUpScores, listFollowUpVisits, type FollowUpVisit } from './follow-up.repository';

// A plan as its pages show it: items with before (published mean) and after (latest follow-up
// visit) scores, their progress log, and which items are overdue on the city's calendar.

export interface PlanItemView extends PlanItem {
	after: number | null;
	overdue: boolean;
	progress: ProgressEntry[];
}

export interface PlanView {
	plan: PlanSummary;
	items: PlanItemView[];
	followUps: FollowUpVisit[];
}

export async function loadPlanView(db: Db, planId: number, today: string): Promise<PlanView | null> {
	const plan = await findPlanById(db, planId);
	if (!plan) return null;
	const items = await listItemsOfPlans(db, [planId]);
	const progress = await listProgressOfItems(
		db,
		items.map((i) => i.id)
	);
	const after = latestFollowUpScores(await listFollowUpScores(db, planId));
	return {
		plan,
		items: items.map((i) => ({
			...i,
			after: after.get(i.indicatorId)?.score ?? null,
			overdue: plan.status === 'active' && isOverdue(i, today),
			progress: progress.filter((p) => p.itemId === i.id)
		})),
		followUps: await listFollowUpVisits(db, planId)
	};
}

/** Admins and viewers see every plan; a unit's heads see their unit's plans once no longer a draft. */
export async function authorizePlan(
	db: Db,
	user: SessionUser,
	planId: number
): Promise<ServiceResult<PlanSummary>> {
	const plan = await findPlanById(db, planId);
	if (!plan) return refuse(404, 'srv_plan_not_found');
	if (readsOfficeData(user.role)) return ok(plan);
	if (user.role !== 'unit_head' || !(await isHeadOfUnit(db, user.id, plan.unitId)))
		return refuse(403, 'srv_plan_no_access');
	if (plan.status === 'draft') return refuse(404, 'srv_plan_not_active');
	return ok(plan);
}
