import type { Db } from '../db/connection';
import { ok, refuse, type ServiceResult } from '../service-result';
import { findItemById, type PlanItem } from './coaching-item.repository';
import { findPlanById, type PlanSummary } from './coaching-plan.repository';

/**
 * An item addressed through its plan (`/pembinaan/[planId]` pages), with that plan; an item id
 * of another plan is answered like a missing one, so a URL cannot reach across plans.
 */
export async function findItemOfPlan(
	db: Db,
	ref: { planId: number; itemId: number }
): Promise<ServiceResult<{ plan: PlanSummary; item: PlanItem }>> {
	const item = await findItemById(db, ref.itemId);
	const plan = item && item.planId === ref.planId ? await findPlanById(db, item.planId) : null;
	return item && plan ? ok({ plan, item }) : refuse(404, 'srv_plan_item_not_found');
}
