import type { Db } from '../db/connection';
import { canOpenEvidence } from '../../domain/evidence-access';
import { isHeadOfUnit } from '../report-cards/report-card.repository';
import type { SessionUser } from '../../domain/auth/user';
import {
	cleanFileName,
	EVIDENCE_MAX_BYTES,
	EVIDENCE_MAX_PER_INDICATOR,
	isVisitEditable
} from '../../domain/score-sheet';
import { findOrCreateDraftSheet, findSheetOf, lockSheet } from './score-sheet.repository';
import {
	countEvidenceOf,
	deleteEvidence,
	findEvidenceAccess,
	insertEvidence,
	insertStoredFile
} from './evidence.repository';
import { findVisitContext } from '../visits/visit.repository';
import { auditTrail } from '../audit/audit.repository';
import { evidencePath, sha256Of, storeEvidenceFile, thumbnailPath } from '../files/evidence-store';
import { checkUpload } from '../files/upload-check';
import { openVisitForAssessor } from './sheet-access';
import { ok, refuse, type ServiceResult } from '../service-result';
import { toEvidenceView, type EvidenceView } from './sheet-view.service';

const tooMany = (code: string) =>
	refuse(409, 'srv_evidence_too_many', { code, max: EVIDENCE_MAX_PER_INDICATOR });

export interface UploadInput {
	visitId: number;
	userId: number;
	indicatorCode: string;
	name: string;
	bytes: Uint8Array;
}

export async function addEvidence(
	db: Db,
	uploadDir: string,
	input: UploadInput,
	now: Date
): Promise<ServiceResult<EvidenceView>> {
	const visit = await openVisitForAssessor(db, input.visitId, input.userId);
	if (!visit) return refuse(404, 'srv_visit_not_found');
	const indicatorId = visit.instrument.indicatorIds.get(input.indicatorCode);
	if (indicatorId === undefined)
		return refuse(400, 'srv_objection_indicator_unknown', { indicator: input.indicatorCode });
	if (!isVisitEditable(visit.ctx)) return refuse(409, 'srv_period_locked');
	if (input.bytes.length === 0) return refuse(400, 'srv_file_empty');
	if (input.bytes.length > EVIDENCE_MAX_BYTES) return refuse(413, 'srv_evidence_over_10mb');
	const checked = await checkUpload(input.bytes);
	if (!checked.ok)
		return refuse(400, checked.problem === 'type' ? 'srv_file_wrong_type' : 'srv_image_unreadable', {
			name: input.name
		});
	const { mime } = checked;
	const thumbnail = checked.image?.thumbnail ?? null;
	// Checked before writing the file (no orphans for a refused upload) and again in the transaction.
	const existing = await findSheetOf(db, input.visitId, input.userId);
	if (existing?.status === 'submitted') return refuse(409, 'srv_sheet_locked');
	if (existing && (await countEvidenceOf(db, existing.id, indicatorId)) >= EVIDENCE_MAX_PER_INDICATOR)
		return tooMany(input.indicatorCode);
	const sha256 = sha256Of(input.bytes);
	await storeEvidenceFile(uploadDir, sha256, input.bytes, thumbnail);
	return db.transaction().execute(async (trx): Promise<ServiceResult<EvidenceView>> => {
		const draft = await findOrCreateDraftSheet(trx, input.visitId, input.userId, now);
		const sheet = await lockSheet(trx, draft.id);
		if (sheet.status === 'submitted') return refuse(409, 'srv_sheet_locked');
		if ((await countEvidenceOf(trx, sheet.id, indicatorId)) >= EVIDENCE_MAX_PER_INDICATOR)
			return tooMany(input.indicatorCode);
		const fileId = await insertStoredFile(
			trx,
			{ sha256, mime, size: input.bytes.length, hasThumbnail: thumbnail !== null },
			now
		);
		const name = cleanFileName(input.name, mime);
		const id = await insertEvidence(
			trx,
			{ sheetId: sheet.id, indicatorId, fileId, originalName: name, uploadedBy: input.userId },
			now
		);
		await auditTrail(trx, input.userId, now).record('evidence_add', 'score_sheet', sheet.id, {
			indicator: input.indicatorCode,
			evidenceId: id,
			name,
			sha256
		});
		return ok(
			toEvidenceView({
				id,
				indicatorCode: input.indicatorCode,
				name,
				sha256,
				mime,
				size: input.bytes.length,
				hasThumbnail: thumbnail !== null
			})
		);
	});
}

export async function removeEvidence(
	db: Db,
	input: { evidenceId: number; visitId: number; userId: number },
	now: Date
): Promise<ServiceResult> {
	const found = await findEvidenceAccess(db, input.evidenceId);
	if (!found || found.assessorId !== input.userId || found.visitId !== input.visitId)
		return refuse(404, 'srv_evidence_not_found');
	const ctx = await findVisitContext(db, found.visitId);
	if (!ctx || !isVisitEditable(ctx)) return refuse(409, 'srv_period_locked');
	const sheet = await findSheetOf(db, found.visitId, input.userId);
	if (sheet?.status === 'submitted') return refuse(409, 'srv_sheet_locked');
	await db.transaction().execute(async (trx) => {
		await deleteEvidence(trx, input.evidenceId);
		await auditTrail(trx, input.userId, now).record('evidence_remove', 'score_sheet', found.sheetId, {
			evidenceId: found.id,
			name: found.name
		});
	});
	return ok(undefined);
}

/**
 * The file behind an evidence item (rule: canOpenEvidence). Anyone not allowed, a team mate on
 * the same visit included, gets the same 404 as for an id that does not exist.
 */
export async function openEvidenceFile(
	db: Db,
	uploadDir: string,
	evidenceId: number,
	user: SessionUser,
	thumbnail: boolean
): Promise<{ path: string; mime: string; name: string } | null> {
	if (!Number.isSafeInteger(evidenceId) || evidenceId < 1) return null;
	const found = await findEvidenceAccess(db, evidenceId);
	if (!found) return null;
	const head = user.role === 'unit_head' && (await isHeadOfUnit(db, user.id, found.unitId));
	if (!canOpenEvidence(user, found, head)) return null;
	if (thumbnail && found.file.hasThumbnail)
		return { path: thumbnailPath(uploadDir, found.file.sha256), mime: 'image/webp', name: found.name };
	return { path: evidencePath(uploadDir, found.file.sha256), mime: found.file.mime, name: found.name };
}
