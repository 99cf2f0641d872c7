import type { Db } from '../db/connection';
import type { SessionUser } from '../../domain/auth/user';
import { canReject, canReportProgress, canVerify, type ItemStatus } from '../../domain/coaching/states';
import { auditTrail } from '../audit/audit.repository';
import { updateItemStatus } from './coaching-item.repository';
import { findItemOfPlan } from './plan-item-lookup';
import { insertProgress, upsertStoredFile } from './coaching-progress.repository';
import { isHeadOfUnit } from '../report-cards/report-card.repository';
import { sha256Hex, writeStoredFile } from '../files/file-store';
import { ok, refuse, type ServiceResult } from '../service-result';
import { checkUpload } from '../files/upload-check';

// The loop of docs/rules.md §5: the unit head reports progress per item with a note and evidence; the
// plan's mentor verifies a finished item or sends it back.

export const MAX_PROGRESS_FILE = 10 * 1024 * 1024;

export interface ProgressInput {
	status: Extract<ItemStatus, 'in_progress' | 'done'>;
	note: string;
	file: { bytes: Uint8Array } | null;
}

export async function reportProgress(
	db: Db,
	user: SessionUser,
	ref: { planId: number; itemId: number },
	input: ProgressInput,
	uploadDir: string,
	now: Date
): Promise<ServiceResult> {
	const itemId = ref.itemId;
	const found = await findItemOfPlan(db, ref);
	if (!found.ok) return found;
	const { plan, item } = found.value;
	if (user.role !== 'unit_head' || !(await isHeadOfUnit(db, user.id, plan.unitId)))
		return refuse(403, 'srv_progress_head_only');
	if (!canReportProgress(plan.status, item.status, input.status))
		return refuse(
			409,
			plan.status !== 'active' ? 'srv_progress_plan_inactive' : 'srv_progress_item_verified'
		);
	let file: { sha256: string; mime: string; bytes: Uint8Array } | null = null;
	if (input.file && input.file.bytes.length > 0) {
		if (input.file.bytes.length > MAX_PROGRESS_FILE) return refuse(400, 'srv_evidence_too_large');
		const checked = await checkUpload(input.file.bytes);
		if (!checked.ok)
			return refuse(
				400,
				checked.problem === 'type' ? 'srv_evidence_photo_or_pdf' : 'srv_evidence_photo_broken'
			);
		file = { sha256: sha256Hex(input.file.bytes), mime: checked.mime, bytes: input.file.bytes };
	}
	if (file) await writeStoredFile(uploadDir, file.sha256, file.bytes);
	await db.transaction().execute(async (tx) => {
		const fileId = file
			? await upsertStoredFile(tx, { sha256: file.sha256, mime: file.mime, size: file.bytes.length }, now)
			: null;
		await insertProgress(
			tx,
			{ itemId, userId: user.id, note: input.note, status: input.status, fileId },
			now
		);
		await updateItemStatus(tx, itemId, input.status, null, now);
		await auditTrail(tx, user.id, now).record('coaching_item.progress', 'coaching_item', itemId, {
			status: input.status
		});
	});
	return ok(undefined);
}

export async function reviewItem(
	db: Db,
	user: SessionUser,
	ref: { planId: number; itemId: number },
	verdict: 'verify' | 'reject',
	note: string,
	now: Date
): Promise<ServiceResult> {
	const itemId = ref.itemId;
	const found = await findItemOfPlan(db, ref);
	if (!found.ok) return found;
	const { plan, item } = found.value;
	if (user.role !== 'admin' || plan.mentorId !== user.id) return refuse(403, 'srv_review_mentor_only');
	const allowed =
		verdict === 'verify' ? canVerify(plan.status, item.status) : canReject(plan.status, item.status);
	if (!allowed) return refuse(409, 'srv_review_not_done');
	const status: ItemStatus = verdict === 'verify' ? 'verified' : 'in_progress';
	await db.transaction().execute(async (tx) => {
		await insertProgress(tx, { itemId, userId: user.id, note, status, fileId: null }, now);
		await updateItemStatus(tx, itemId, status, verdict === 'verify' ? user.id : null, now);
		await auditTrail(tx, user.id, now).record(`coaching_item.${verdict}`, 'coaching_item', itemId);
	});
	return ok(undefined);
}
