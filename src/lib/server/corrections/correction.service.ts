import type { Db } from '../db/connection';
import { inTransaction } from '../db/transaction';
import type { Period } from '../periods/period.repository';
import { latestPublicationRevision } from '../publication/publication.repository';
import { findPeriodOrRefuse } from '../periods/period-lookup';
import { invalidatePeriodResults } from '../results/result-cache.repository';
import { auditTrail } from '../audit/audit.repository';
import { closeCorrection, findOpenCorrection, insertCorrection } from './correction.repository';
import type { PeriodStatus } from '../../domain/period-status';
import { isSheetEditableIn } from '../../domain/score-sheet';
import { captureSheets, restoreSheets } from './correction-backup.repository';
import { refusalText } from '../service-result';
import { AUDIT_REASON_MIN, auditReason } from '../../domain/audit/audit-reason';

// docs/rules.md §8.3: a published period's scores change only inside a correction, opened with a
// reason and audited. While it is open its sheets can be reopened, added or replaced by import;
// the public pages keep the last revision. It ends by publishing the next revision
// (publication.service) or by abandoning it, which puts every sheet back as it was.

export type CorrectionResult =
	{ ok: true; periodCode: string; revision: number } | { ok: false; status: 400 | 404 | 409; error: string };

function reasonProblem(reason: string): CorrectionResult | null {
	if (auditReason(reason) === null)
		return {
			ok: false,
			status: 400,
			error: refusalText('srv_correction_reason_short', { min: AUDIT_REASON_MIN })
		};
	if (reason.length > 2000) return { ok: false, status: 400, error: refusalText('srv_reason_too_long') };
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
	act: (trx: Db, period: Period, reason: string) => Promise<CorrectionResult>
): Promise<CorrectionResult> {
	const reason = input.reason.trim();
	const bad = reasonProblem(reason);
	if (bad) return Promise.resolve(bad);
	return inTransaction(db, async (trx) => {
		const found = await findPeriodOrRefuse(trx, input.periodCode);
		if (!found.ok) return { ok: false, status: 404, error: found.message };
		return act(trx, found.value, reason);
	});
}

export function openCorrection(db: Db, input: CorrectionInput, now: Date): Promise<CorrectionResult> {
	return withPeriod(db, input, async (trx, period, reason) => {
		if (period.status !== 'published')
			return {
				ok: false,
				status: 409,
				error: refusalText('srv_correction_not_published', {
					period: period.code,
					status: period.status
				})
			};
		if (await findOpenCorrection(trx, period.id))
			return {
				ok: false,
				status: 409,
				error: refusalText('srv_correction_already_open', { period: period.code })
			};
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
		return { ok: true, periodCode: period.code, revision };
	});
}

export function abandonCorrection(db: Db, input: CorrectionInput, now: Date): Promise<CorrectionResult> {
	return withPeriod(db, input, async (trx, period, reason) => {
		const open = await findOpenCorrection(trx, period.id);
		if (!open)
			return {
				ok: false,
				status: 409,
				error: refusalText('srv_correction_not_open', { period: period.code })
			};
		await restoreSheets(trx, open.id, period.id);
		await closeCorrection(trx, { id: open.id, status: 'abandoned', closedBy: input.userId, reason }, now);
		await invalidatePeriodResults(trx, period.id);
		await auditTrail(trx, input.userId, now).record('correction.abandon', 'period', period.id, {
			code: period.code,
			revision: open.baseRevision,
			reason,
			opened: open.reason
		});
		return { ok: true, periodCode: period.code, revision: open.baseRevision };
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
