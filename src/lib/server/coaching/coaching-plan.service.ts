import type { Db } from '../db/connection';
import type { SessionUser } from '../../domain/auth/user';
import {
	canEditItem,
	canMovePlan,
	planCompletionBlocker,
	type PlanStatus
} from '../../domain/coaching/states';
import { auditTrail } from '../audit/audit.repository';
import { findPlanById, listAdminUsers, updatePlanMentor, updatePlanStatus } from './coaching-plan.repository';
import { listItemsOfPlans, updateItemPlan, type ItemEdit } from './coaching-item.repository';
import { findItemOfPlan } from './plan-item-lookup';
import { ok, refuse, type RefusalCode, type ServiceResult } from '../service-result';

// Admin side of a coaching plan (docs/rules.md §5): edit items, assign a mentor, move the plan's state.

export async function editCoachingItem(
	db: Db,
	admin: SessionUser,
	planId: number,
	itemId: number,
	edit: ItemEdit,
	now: Date
): Promise<ServiceResult> {
	const found = await findItemOfPlan(db, { planId, itemId });
	if (!found.ok) return found;
	const { plan, item } = found.value;
	if (!canEditItem(plan.status, item.status)) return refuse(409, 'srv_plan_item_locked');
	await db.transaction().execute(async (tx) => {
		await updateItemPlan(tx, itemId, edit, now);
		await auditTrail(tx, admin.id, now).record('coaching_item.edit', 'coaching_item', itemId, { ...edit });
	});
	return ok(undefined);
}

export async function assignMentor(
	db: Db,
	admin: SessionUser,
	planId: number,
	mentorId: number,
	now: Date
): Promise<ServiceResult> {
	const plan = await findPlanById(db, planId);
	if (!plan) return refuse(404, 'srv_plan_not_found');
	if (plan.status === 'completed' || plan.status === 'cancelled') return refuse(409, 'srv_plan_closed');
	const admins = await listAdminUsers(db);
	if (!admins.some((a) => a.id === mentorId)) return refuse(400, 'srv_plan_mentor_admin');
	await db.transaction().execute(async (tx) => {
		await updatePlanMentor(tx, planId, mentorId, now);
		await auditTrail(tx, admin.id, now).record('coaching_plan.mentor', 'coaching_plan', planId, { mentorId });
	});
	return ok(undefined);
}

const MOVE_REFUSAL = {
	draft: 'srv_plan_move_draft',
	active: 'srv_plan_move_active',
	completed: 'srv_plan_move_completed',
	cancelled: 'srv_plan_move_cancelled'
} as const satisfies Record<PlanStatus, RefusalCode>;

export async function movePlan(
	db: Db,
	admin: SessionUser,
	planId: number,
	to: PlanStatus,
	now: Date
): Promise<ServiceResult> {
	const plan = await findPlanById(db, planId);
	if (!plan) return refuse(404, 'srv_plan_not_found');
	if (!canMovePlan(plan.status, to)) return refuse(409, MOVE_REFUSAL[to], { status: plan.status });
	const items = await listItemsOfPlans(db, [planId]);
	if (to === 'active') {
		if (plan.mentorId === null) return refuse(409, 'srv_plan_needs_mentor');
		if (items.length === 0) return refuse(409, 'srv_plan_no_items');
		if (items.some((i) => i.dueOn === null)) return refuse(409, 'srv_plan_items_need_due');
	}
	if (to === 'completed') {
		// planCompletionBlocker decides (docs/rules.md §5); the words come from the refusal codes.
		const blocker = planCompletionBlocker(items);
		if (blocker?.kind === 'no_items') return refuse(409, 'srv_plan_complete_empty');
		if (blocker) return refuse(409, 'srv_plan_complete_unverified', { count: blocker.count });
	}
	await db.transaction().execute(async (tx) => {
		await updatePlanStatus(tx, planId, to, now);
		await auditTrail(tx, admin.id, now).record(`coaching_plan.${to}`, 'coaching_plan', planId);
	});
	return ok(undefined);
}
