import type { Db } from '../db/connection';
import type { SessionUser } from '../../domain/auth/user';
import {
	canEditItem,
	canMovePlan,
	planCompletionBlocker,
	type PlanStatus
} from '../../domain/coaching/states';
import { recordAudit } from '../audit/audit.repository';
import { findPlanById, listAdminUsers, updatePlanMentor, updatePlanStatus } from './coaching-plan.repository';
import { findItemById, listItemsOfPlans, updateItemPlan, type ItemEdit } from './coaching-item.repository';
import { ok, refuse, type ServiceResult } from '../service-result';

// Admin side of a coaching plan (docs/rules.md §5): edit items, assign a mentor, move the plan's state.

export async function editCoachingItem(
	db: Db,
	admin: SessionUser,
	planId: number,
	itemId: number,
	edit: ItemEdit,
	now: Date
): Promise<ServiceResult> {
	const plan = await findPlanById(db, planId);
	const item = await findItemById(db, itemId);
	if (!plan || !item || item.planId !== planId) return refuse(404, 'Butir rencana tidak ditemukan.');
	if (!canEditItem(plan.status, item.status))
		return refuse(
			409,
			'Butir ini tidak dapat diubah lagi (rencana selesai/dibatalkan atau butir terverifikasi).'
		);
	await db.transaction().execute(async (tx) => {
		await updateItemPlan(tx, itemId, edit, now);
		await recordAudit(
			tx,
			{
				userId: admin.id,
				action: 'coaching_item.edit',
				entity: 'coaching_item',
				entityId: itemId,
				detail: { ...edit }
			},
			now
		);
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
	if (!plan) return refuse(404, 'Rencana pembinaan tidak ditemukan.');
	if (plan.status === 'completed' || plan.status === 'cancelled')
		return refuse(409, 'Rencana yang sudah selesai atau dibatalkan tidak dapat diubah.');
	const admins = await listAdminUsers(db);
	if (!admins.some((a) => a.id === mentorId))
		return refuse(400, 'Pendamping harus seorang administrator (staf Bagian Organisasi) yang aktif.');
	await db.transaction().execute(async (tx) => {
		await updatePlanMentor(tx, planId, mentorId, now);
		await recordAudit(
			tx,
			{
				userId: admin.id,
				action: 'coaching_plan.mentor',
				entity: 'coaching_plan',
				entityId: planId,
				detail: { mentorId }
			},
			now
		);
	});
	return ok(undefined);
}

const MOVE_LABEL: Record<PlanStatus, string> = {
	draft: 'draf',
	active: 'diaktifkan',
	completed: 'diselesaikan',
	cancelled: 'dibatalkan'
};

export async function movePlan(
	db: Db,
	admin: SessionUser,
	planId: number,
	to: PlanStatus,
	now: Date
): Promise<ServiceResult> {
	const plan = await findPlanById(db, planId);
	if (!plan) return refuse(404, 'Rencana pembinaan tidak ditemukan.');
	if (!canMovePlan(plan.status, to))
		return refuse(409, `Rencana berstatus ${plan.status} tidak dapat ${MOVE_LABEL[to]}.`);
	const items = await listItemsOfPlans(db, [planId]);
	if (to === 'active') {
		if (plan.mentorId === null) return refuse(409, 'Tetapkan pendamping sebelum mengaktifkan rencana.');
		if (items.length === 0) return refuse(409, 'Rencana tanpa butir tidak dapat diaktifkan.');
		if (items.some((i) => i.dueOn === null))
			return refuse(409, 'Setiap butir harus memiliki tenggat sebelum rencana diaktifkan.');
	}
	if (to === 'completed') {
		const blocker = planCompletionBlocker(items);
		if (blocker) return refuse(409, `Rencana belum dapat diselesaikan: ${blocker}`);
	}
	await db.transaction().execute(async (tx) => {
		await updatePlanStatus(tx, planId, to, now);
		await recordAudit(
			tx,
			{ userId: admin.id, action: `coaching_plan.${to}`, entity: 'coaching_plan', entityId: planId },
			now
		);
	});
	return ok(undefined);
}
