import type { Db } from '../db/connection';
import { isVisitEditable } from '../../domain/score-sheet';
import { auditReason } from '../../domain/audit/audit-reason';
import type { SheetActionInput } from './sheet-review.service';
import { deleteSheet, findSheetById } from './score-sheet.repository';
import { findVisitContext } from '../visits/visit.repository';
import { removeVisitAssessor } from '../visits/visit-plan.repository';
import { findAssessorConflict } from '../accounts/assessor-conflict.repository';
import { invalidatePeriodResults } from '../results/result-cache.repository';
import { auditTrail } from '../audit/audit.repository';
import { ok, refuse, type ServiceResult } from '../service-result';

// docs/rules.md §8.5: an administrator can take a sheet off a visit (a conflict of interest found late, a
// wrong import), with a reason and an audit entry; the results follow at once.

export async function removeSheetFromVisit(
	db: Db,
	input: SheetActionInput,
	now: Date
): Promise<ServiceResult> {
	const reason = auditReason(input.reason);
	if (reason === null) return refuse(400, 'srv_remove_reason_short');
	const sheet = await findSheetById(db, input.sheetId);
	if (!sheet || sheet.visitId !== input.visitId) return refuse(404, 'srv_sheet_not_found');
	const visit = (await findVisitContext(db, sheet.visitId))!;
	if (!isVisitEditable(visit)) return refuse(409, 'srv_period_locked');
	const conflict = await findAssessorConflict(db, sheet.assessorId, visit.unitId);
	await db.transaction().execute(async (trx) => {
		await deleteSheet(trx, sheet.id);
		await removeVisitAssessor(trx, sheet.visitId, sheet.assessorId);
		await invalidatePeriodResults(trx, visit.periodId);
		await auditTrail(trx, input.adminId, now).record('remove_sheet', 'score_sheet', sheet.id, {
			reason,
			visitId: sheet.visitId,
			unit: visit.unitCode,
			assessorId: sheet.assessorId,
			status: sheet.status,
			conflict: conflict ? (conflict.reason ?? true) : false
		});
	});
	return ok(undefined);
}
