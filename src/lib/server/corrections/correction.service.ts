import type { Db } from '../db/connection';
import type { Period } from '../periods/period.repository';
import { latestPublicationRevision } from '../publication/publication.repository';
import { onPeriod } from '../periods/period-lookup';
import { invalidatePeriodResults } from '../results/result-cache.repository';
import { auditTrail } from '../audit/audit.repository';
import { closeCorrection, findOpenCorrection, insertCorrection } from './correction.repository';
import type { PeriodStatus } from '../../domain/period-status';
import { isSheetEditableIn } from '../../domain/score-sheet';
import { captureSheets, restoreSheets } from './correction-backup.repository';
import { ok, refuse, refuseField, type Refusal, type ServiceResult } from '../service-result';
import { AUDIT_REASON_MIN, auditReason } from '../../domain/audit/audit-reason';

// docs/rules.md §8.3: a published period's scores change only inside a correction, opened with a
// reason and audited. While it is open its sheets can be reopened, added or replaced by import;
// the public pages keep the last revision. It ends by publishing the next revision
// (publication.service) or by abandoning it, which puts every sheet back as it was.

/** The period a correction was opened or abandoned on, and the published revision it starts from. */
export interface CorrectionOutcome {
	periodCode: string;
	revision: number;
}

/** The longest reason a correction keeps (the form and the command line alike). */
export const CORRECTION_REASON_MAX = 2000;

function reasonProblem(reason: string): Refusal | null {
	if (auditReason(reason) === null)
		return refuseField(400, 'reason', 'srv_correction_reason_short', { min: AUDIT_REASON_MIN });
	if (reason.length > CORRECTION_REASON_MAX) return refuseField(400, 'reason', 'srv_reason_too_long');
	return null;
}

export interface CorrectionInput {
	periodCode: string;
	userId: number | null;
	reason: string;
}

/** Both actions: a reason, then the period, in one transaction. */
function withPeriod(
	db: Db,
	input: CorrectionInput,
	act: (trx: Db, period: Period, reason: string) => Promise<ServiceResult<CorrectionOutcome>>
): Promise<ServiceResult<CorrectionOutcome>> {
	const reason = input.reason.trim();
	const bad = reasonProblem(reason);
	if (bad) return Promise.resolve(bad);
	return onPeriod(db, input.periodCode, (trx, period) => act(trx, period, reason));
}

export function openCorrection(
	db: Db,
	input: CorrectionInput,
	now: Date
): Promise<ServiceResult<CorrectionOutcome>> {
	return withPeriod(db, input, async (trx, period, reason) => {
		if (period.status !== 'published')
			return refuse(409, 'srv_correction_not_published', { period: period.code, status: period.status });
		if (await findOpenCorrection(trx, period.id))
			return refuse(409, 'srv_correction_already_open', { period: period.code });
		const revision = await latestPublicationRevision(trx, period.id);
		const correctionId = await insertCorrection(
			trx,
			{ periodId: period.id, baseRevision: revision, reason, openedBy: input.userId },
			now
		);
		await captureSheets(trx, correctionId, period.id);
		await auditTrail(trx, input.userId, now).record('correction.open', 'period', period.id, {
			code: period.code,
			revision,
			reason
		});
		return ok({ periodCode: period.code, revision });
	});
}

export function abandonCorrection(
	db: Db,
	input: CorrectionInput,
	now: Date
): Promise<ServiceResult<CorrectionOutcome>> {
	return withPeriod(db, input, async (trx, period, reason) => {
		const open = await findOpenCorrection(trx, period.id);
		if (!open) return refuse(409, 'srv_correction_not_open', { period: period.code });
		await restoreSheets(trx, open.id, period.id);
		await closeCorrection(trx, { id: open.id, status: 'abandoned', closedBy: input.userId, reason }, now);
		await invalidatePeriodResults(trx, period.id);
		await auditTrail(trx, input.userId, now).record('correction.abandon', 'period', period.id, {
			code: period.code,
			revision: open.baseRevision,
			reason,
			opened: open.reason
		});
		return ok({ periodCode: period.code, revision: open.baseRevision });
	});
}

/** docs/rules.md §8.3: sheets of a period can change while it runs, or inside an open correction. */
export async function periodAcceptsSheets(
	db: Db,
	period: { id: number; status: PeriodStatus }
): Promise<boolean> {
	const correctionOpen = period.status === 'published' && (await findOpenCorrection(db, period.id)) !== null;
	return isSheetEditableIn(period.status, correctionOpen);
}
