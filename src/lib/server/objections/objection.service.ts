import type { Db } from '../db/connection';
import { ok, refuse, refuseField, type ServiceResult } from '../service-result';
import { inTransaction } from '../db/transaction';
import { findPeriodByCode } from '../periods/period.repository';
import { findInstrumentById } from '../periods/instrument.repository';
import { findUnitIdByCode } from '../units/unit.repository';
import { isHeadOfUnit } from '../report-cards/report-card.repository';
import { findMaxVisitNo } from '../review/disagreement.repository';
import { insertVisit, findVisitContext } from '../visits/visit.repository';
import { findSheetById } from '../sheets/score-sheet.repository';
import { reopenSheet } from '../sheets/sheet-review.service';
import { auditTrail } from '../audit/audit.repository';
import { isIsoDate } from '../../domain/dates';
import { officeDate } from '../config';
import { isObjectionWindowOpen, OBJECTION_REASON_MAX } from '../../domain/objections';
import {
	answerObjectionRow,
	findObjection,
	findObjectionUntil,
	insertObjection,
	insertObjectionEvidence,
	objectionExists,
	setObjectionUntil
} from './objection.repository';
import { storeObjectionFiles, type UploadedFile } from './objection-files';
import { onPeriod } from '../periods/period-lookup';

// Masa sanggah (docs/rules.md §9.2): the office opens a window; unit heads object per indicator;
// the office accepts (extra visit or a reopened sheet, never a typed number) or rejects with a reason.

export async function openObjectionWindow(
	db: Db,
	input: { periodCode: string; until: string; actorId: number },
	now: Date
): Promise<ServiceResult> {
	if (!isIsoDate(input.until)) return refuseField(400, 'until', 'srv_objection_until_format');
	if (input.until < officeDate(now)) return refuseField(400, 'until', 'srv_objection_until_past');
	return onPeriod(db, input.periodCode, async (trx, period) => {
		if (period.status !== 'running' && period.status !== 'review')
			return refuse(409, 'srv_objection_window_state');
		await setObjectionUntil(trx, period.id, input.until, now);
		await auditTrail(trx, input.actorId, now).record('objection.window', 'period', period.id, {
			period: period.code,
			until: input.until
		});
		return ok(undefined);
	});
}

export interface FileObjectionInput {
	periodCode: string;
	unitCode: string;
	indicatorCode: string;
	claimedLevel: number;
	reason: string;
	files: UploadedFile[];
	userId: number;
}

export async function fileObjection(
	db: Db,
	uploadDir: string,
	input: FileObjectionInput,
	now: Date
): Promise<ServiceResult<number>> {
	const period = await findPeriodByCode(db, input.periodCode);
	const unitId = await findUnitIdByCode(db, input.unitCode);
	if (!period || unitId === null || !(await isHeadOfUnit(db, input.userId, unitId)))
		return refuse(404, 'srv_unit_or_period_not_found');
	if (!isObjectionWindowOpen(period.status, await findObjectionUntil(db, period.id), officeDate(now)))
		return refuse(409, 'srv_objection_window_closed');
	const indicatorId = (await findInstrumentById(db, period.instrumentId))!.indicatorIds.get(
		input.indicatorCode
	);
	if (indicatorId === undefined)
		return refuse(400, 'srv_objection_indicator_unknown', { indicator: input.indicatorCode });
	if (!Number.isInteger(input.claimedLevel) || input.claimedLevel < 0 || input.claimedLevel > 5)
		return refuse(400, 'srv_objection_level_range');
	const reason = input.reason.trim();
	if (!reason) return refuse(400, 'srv_objection_reason_required');
	if (reason.length > OBJECTION_REASON_MAX)
		return refuse(400, 'srv_objection_reason_too_long', { max: OBJECTION_REASON_MAX });
	if (await objectionExists(db, period.id, unitId, indicatorId))
		return refuse(409, 'srv_objection_duplicate', { indicator: input.indicatorCode });
	const stored = await storeObjectionFiles(db, uploadDir, input.files, now);
	if (!stored.ok) return stored;
	return inTransaction(db, async (trx) => {
		if (await objectionExists(trx, period.id, unitId, indicatorId))
			return refuse(409, 'srv_objection_duplicate', { indicator: input.indicatorCode });
		const id = await insertObjection(
			trx,
			{
				periodId: period.id,
				unitId,
				indicatorId,
				claimedLevel: input.claimedLevel,
				reason,
				filedBy: input.userId
			},
			now
		);
		for (const f of stored.value) await insertObjectionEvidence(trx, id, f.fileId, f.name);
		await auditTrail(trx, input.userId, now).record('objection.file', 'objection', id, {
			period: period.code,
			unit: input.unitCode,
			indicator: input.indicatorCode,
			claimed: input.claimedLevel,
			files: stored.value.length
		});
		return ok(id);
	});
}

export interface AnswerInput {
	periodCode: string;
	objectionId: number;
	decision: 'extra_visit' | 'reopen' | 'reject';
	/** the sheet to reopen (decision 'reopen') */
	sheetId?: number;
	answer: string;
	actorId: number;
}

export async function answerObjection(
	db: Db,
	input: AnswerInput,
	now: Date
): Promise<ServiceResult<{ visitNo: number | null }>> {
	const answer = input.answer.trim();
	if (answer.length < 5) return refuse(400, 'srv_objection_answer_too_short');
	if (answer.length > OBJECTION_REASON_MAX)
		return refuse(400, 'srv_objection_answer_too_long', { max: OBJECTION_REASON_MAX });
	const period = await findPeriodByCode(db, input.periodCode);
	const objection = await findObjection(db, input.objectionId);
	if (!period || !objection || objection.periodId !== period.id)
		return refuse(404, 'srv_objection_not_found');
	if (objection.status !== 'open') return refuse(409, 'srv_objection_already_answered');
	if (period.status !== 'running' && period.status !== 'review')
		return refuse(409, 'srv_objection_answer_state');
	if (input.decision === 'reopen') {
		const sheet = input.sheetId ? await findSheetById(db, input.sheetId) : null;
		const visit = sheet ? await findVisitContext(db, sheet.visitId) : null;
		if (
			!sheet ||
			!visit ||
			visit.periodId !== period.id ||
			visit.unitId !== objection.unitId ||
			visit.kind !== 'regular'
		)
			return refuse(400, 'srv_objection_pick_sheet');
		const reopened = await reopenSheet(
			db,
			{
				sheetId: sheet.id,
				visitId: sheet.visitId,
				reason: `Sanggahan diterima: ${answer}`,
				adminId: input.actorId
			},
			now
		);
		if (!reopened.ok) return reopened;
	}
	return inTransaction(db, async (trx) => {
		let visitNo: number | null = null;
		if (input.decision === 'extra_visit') {
			visitNo = (await findMaxVisitNo(trx, period.id, objection.unitId)) + 1;
			await insertVisit(
				trx,
				{ periodId: period.id, unitId: objection.unitId, visitNo, plannedOn: null },
				now
			);
		}
		const accepted = input.decision !== 'reject';
		const recorded = await answerObjectionRow(
			trx,
			objection.id,
			{
				status: accepted ? 'accepted' : 'rejected',
				outcome: input.decision === 'reject' ? null : input.decision,
				answer,
				answeredBy: input.actorId
			},
			now
		);
		if (!recorded) return refuse(409, 'srv_objection_already_answered');
		await auditTrail(trx, input.actorId, now).record('objection.answer', 'objection', objection.id, {
			period: period.code,
			decision: input.decision,
			answer,
			sheetId: input.sheetId ?? null,
			extraVisitNo: visitNo
		});
		return ok({ visitNo });
	});
}
