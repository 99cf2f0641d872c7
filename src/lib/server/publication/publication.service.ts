import type { Db } from '../db/connection';
import { inTransaction } from '../db/transaction';
import {
	findPeriodByCode,
	insertPublication,
	latestPublicationRevision,
	setPeriodStatus
} from '../periods/period.repository';
import { invalidatePeriodResults } from '../results/result-cache.repository';
import { recordAudit } from '../audit/audit.repository';
import { computeResultsDocument } from '../results/results.service';
import { draftCoachingPlans } from '../coaching/coaching-draft.service';
import { describeFlag, reviewPeriodScores, type ReviewFlag } from '../sheets/score-review.service';

// Publishing a period (README: `publish`, and the button): from running or review; open
// disagreement flags need an explicit confirmation with a reason, which is recorded. The
// snapshot is the results JSON exactly as computed; the public numbers come from it from now on.
// Later score changes reach the public only through a new revision, which needs a reason.

export interface PublishInput {
	periodCode: string;
	userId: number | null;
	confirmOpenFlags: boolean;
	reason: string | null;
	/**
	 * Re-publish an already published period as a new revision (a reason is then required).
	 * Without it a published period is refused, so a double click never makes a revision.
	 */
	newRevision?: boolean;
}

export type PublishResult =
	| { ok: true; periodId: number; revision: number; openFlagsConfirmed: number; snapshot: string }
	| {
			ok: false;
			status: 400 | 404 | 409;
			error: string;
			openFlags?: ReviewFlag[];
			/** The period is already published: only a new revision (with a reason) can follow. */
			alreadyPublished?: boolean;
	  };

export async function publishPeriod(db: Db, input: PublishInput, now: Date): Promise<PublishResult> {
	return inTransaction(db, async (trx) => {
		const period = await findPeriodByCode(trx, input.periodCode);
		if (!period) return { ok: false, status: 404, error: `Periode "${input.periodCode}" tidak ditemukan.` };
		const revising = period.status === 'published' && input.newRevision === true;
		if (period.status === 'published' && !revising) {
			return {
				ok: false,
				status: 409,
				error: `Periode ${period.code} sudah terbit; angka baru hanya dapat diterbitkan sebagai revisi dengan alasan.`,
				alreadyPublished: true
			};
		}
		if (!revising && period.status !== 'running' && period.status !== 'review') {
			return {
				ok: false,
				status: 409,
				error: `Periode ${period.code} berstatus ${period.status}; hanya periode berjalan atau review yang dapat diterbitkan.`
			};
		}
		const reason = input.reason?.trim() || null;
		if (revising && !reason) {
			return { ok: false, status: 400, error: 'Alasan revisi wajib diisi.' };
		}
		const { openFlags } = await reviewPeriodScores(trx, period);
		if (openFlags.length > 0 && !input.confirmOpenFlags) {
			return {
				ok: false,
				status: 409,
				error: `Masih ada ${openFlags.length} selisih penilaian yang belum diselesaikan. Selesaikan dulu, atau terbitkan dengan konfirmasi dan alasan.`,
				openFlags
			};
		}
		if (openFlags.length > 0 && !reason) {
			return {
				ok: false,
				status: 400,
				error: 'Alasan wajib diisi untuk menerbitkan dengan selisih terbuka.'
			};
		}
		await setPeriodStatus(trx, period.id, 'published', now);
		const doc = await computeResultsDocument(trx, period, 'published');
		const snapshot = JSON.stringify(doc);
		const revision = (await latestPublicationRevision(trx, period.id)) + 1;
		await insertPublication(
			trx,
			{
				periodId: period.id,
				revision,
				publishedBy: input.userId,
				reason,
				openFlagsConfirmed: openFlags.length > 0,
				snapshot
			},
			now
		);
		// docs/rules.md §5: low scorers get a draft coaching plan with the results, in the same transaction.
		const coaching = await draftCoachingPlans(trx, period.id, doc, now);
		await invalidatePeriodResults(trx, period.id);
		await recordAudit(
			trx,
			{
				userId: input.userId,
				action: revising ? 'period.publish_revision' : 'period.publish',
				entity: 'period',
				entityId: period.id,
				detail: {
					code: period.code,
					revision,
					reason,
					openFlagsConfirmed: openFlags.length,
					coachingPlansDrafted: coaching.drafted,
					openFlags: openFlags.slice(0, 200).map(describeFlag)
				}
			},
			now
		);
		return { ok: true, periodId: period.id, revision, openFlagsConfirmed: openFlags.length, snapshot };
	});
}
