import type { Db } from '../db/connection';
import { isVisitEditable } from '../../domain/score-sheet';
import { auditReason } from '../../domain/audit/audit-reason';
import {
	deleteAspectSums,
	findSheetById,
	listSheetsOfVisit,
	setSheetStatus,
	type VisitSheetSummary
} from './score-sheet.repository';
import { findVisitContext, type VisitContext } from '../visits/visit.repository';
import { listVisitAssessors, type VisitAssessor } from '../visits/visit-team.repository';
import { invalidatePeriodResults } from '../results/result-cache.repository';
import { auditTrail } from '../audit/audit.repository';
import { findAssessorConflict } from '../accounts/assessor-conflict.repository';
import { ok, refuse, type ServiceResult } from '../service-result';

export interface AdminVisitView {
	visit: VisitContext;
	assessors: VisitAssessor[];
	/** conflict: the declared conflict of interest of the sheet's assessor with this unit (docs/rules.md §8.5) */
	sheets: (VisitSheetSummary & { conflict: { reason: string | null } | null })[];
}

export async function loadVisitForAdmin(db: Db, visitId: number): Promise<AdminVisitView | null> {
	if (!Number.isSafeInteger(visitId) || visitId < 1) return null;
	const visit = await findVisitContext(db, visitId);
	if (!visit) return null;
	return {
		visit,
		assessors: await listVisitAssessors(db, visitId),
		sheets: await Promise.all(
			(await listSheetsOfVisit(db, visitId)).map(async (s) => ({
				...s,
				conflict: await findAssessorConflict(db, s.assessorId, visit.unitId)
			}))
		)
	};
}

/** An administrator's audited step on one sheet of a visit. */
export interface SheetActionInput {
	sheetId: number;
	visitId: number;
	reason: string;
	adminId: number;
}

/** docs/rules.md §4.1: only an administrator reopens a submitted sheet, with a reason; it leaves the results. */
export async function reopenSheet(db: Db, input: SheetActionInput, now: Date): Promise<ServiceResult> {
	const reason = auditReason(input.reason);
	if (reason === null) return refuse(400, 'srv_reopen_reason_short');
	const sheet = await findSheetById(db, input.sheetId);
	if (!sheet || sheet.visitId !== input.visitId) return refuse(404, 'srv_sheet_not_found');
	if (sheet.status !== 'submitted') return refuse(409, 'srv_reopen_not_submitted');
	const visit = (await findVisitContext(db, sheet.visitId))!;
	if (!isVisitEditable(visit)) return refuse(409, 'srv_period_locked');
	// docs/rules.md §8.5: reopening would hand the unit back to an assessor with a declared conflict.
	const conflict = await findAssessorConflict(db, sheet.assessorId, visit.unitId);
	if (conflict)
		return refuse(409, 'srv_reopen_conflict', {
			unit: visit.unitName,
			detail: conflict.reason ? ` (${conflict.reason})` : ''
		});
	await db.transaction().execute(async (trx) => {
		await setSheetStatus(trx, sheet.id, 'draft', now);
		await deleteAspectSums(trx, sheet.id);
		await invalidatePeriodResults(trx, visit.periodId);
		await auditTrail(trx, input.adminId, now).record('reopen', 'score_sheet', sheet.id, {
			reason,
			assessorId: sheet.assessorId
		});
	});
	return ok(undefined);
}
