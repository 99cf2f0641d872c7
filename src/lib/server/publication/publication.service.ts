import type { Db } from '../db/connection';
import { inTransaction } from '../db/transaction';
import { setPeriodStatus } from '../periods/period.repository';
import { insertPublication, latestPublicationRevision } from './publication.repository';
import { findLatestPublished } from './publication-read.repository';
import { findPeriodOrRefuse } from '../periods/period-lookup';
import { invalidatePeriodResults } from '../results/result-cache.repository';
import { auditTrail } from '../audit/audit.repository';
import {
	nonEmptyFindings,
	summariseConfirmed,
	unconfirmedFindings,
	type PreflightClass,
	type PreflightFinding
} from '../../domain/publication/preflight';
import { computeResultsDocument } from '../results/results.service';
import { diffPublishedResults } from '../../domain/publication/revision-changes';
import { closeCorrection, findOpenCorrection } from '../corrections/correction.repository';
import { draftCoachingPlans } from '../coaching/coaching-draft.service';
import { runPublicationPreflight } from './publication-preflight.service';
import { ok, refuse, refuseField, type Refusal, type ServiceResult } from '../service-result';

// Publishing a period (README: `publish`, and the button): from running or review. The
// preflight of docs/rules.md §8.1 lists what makes the results provisional; every non-empty class must be
// confirmed, with a reason, and both are recorded with the publication. The snapshot is the
// results JSON exactly as computed; the public numbers come from it from now on. Later score
// changes reach the public only through a new revision, which needs a reason.

export interface PublishInput {
	periodCode: string;
	userId: number | null;
	/** Preflight classes the administrator confirms (docs/rules.md §8.1). */
	confirm?: readonly PreflightClass[];
	/** The older form of `confirm: ['flags']` (README: `--confirm-open-flags` still works). */
	confirmOpenFlags?: boolean;
	reason: string | null;
	/**
	 * Re-publish an already published period as a new revision (a reason is then required).
	 * Without it a published period is refused, so a double click never makes a revision.
	 */
	newRevision?: boolean;
}

export interface Published {
	periodId: number;
	revision: number;
	openFlagsConfirmed: number;
	snapshot: string;
	/** Units whose standing this revision changed (empty for a first publication). */
	changed: number;
}

/**
 * A refusal to publish names what stands in the way beside its message: the preflight classes
 * not confirmed (409), or that the period is already published, so that only a new revision
 * (with a reason) can follow.
 */
export type PublishRefusal = Refusal & { preflight?: PreflightFinding[]; alreadyPublished?: boolean };

function confirmedClasses(input: PublishInput): PreflightClass[] {
	const classes = [...(input.confirm ?? [])];
	if (input.confirmOpenFlags && !classes.includes('flags')) classes.push('flags');
	return classes;
}

export async function publishPeriod(
	db: Db,
	input: PublishInput,
	now: Date
): Promise<ServiceResult<Published, PublishRefusal>> {
	return inTransaction(db, async (trx) => {
		const found = await findPeriodOrRefuse(trx, input.periodCode);
		if (!found.ok) return found;
		const period = found.value;
		const revising = period.status === 'published' && input.newRevision === true;
		if (period.status === 'published' && !revising) {
			return { ...refuse(409, 'srv_publish_already', { period: period.code }), alreadyPublished: true };
		}
		if (!revising && period.status !== 'running' && period.status !== 'review') {
			return refuse(409, 'srv_publish_wrong_state', { period: period.code, status: period.status });
		}
		const reason = input.reason?.trim() || null;
		if (revising && !reason) {
			return refuseField(400, 'reason', 'srv_revision_reason_required');
		}
		const doc = await computeResultsDocument(trx, period, 'published');
		const findings = await runPublicationPreflight(trx, period, doc, now);
		const missing = unconfirmedFindings(findings, confirmedClasses(input));
		if (missing.length > 0) {
			return {
				...refuse(409, 'srv_publish_provisional', {
					classes: missing.map((f) => `${f.class} (${f.items.length})`).join(', ')
				}),
				preflight: missing
			};
		}
		const confirmed = summariseConfirmed(findings);
		if (confirmed.length > 0 && !reason) {
			return refuseField(400, 'reason', 'srv_publish_reason_required', {
				classes: confirmed.map((c) => c.class).join(', ')
			});
		}
		const openFlagCount = nonEmptyFindings(findings).find((f) => f.class === 'flags')?.items.length ?? 0;
		await setPeriodStatus(trx, period.id, 'published', now);
		const snapshot = JSON.stringify(doc);
		const revision = (await latestPublicationRevision(trx, period.id)) + 1;
		// docs/rules.md §8.3: a revision lists what it changed; publishing ends an open correction.
		const previous = revising ? await findLatestPublished(trx, period.id) : null;
		const changes = previous ? diffPublishedResults(previous.results, doc) : [];
		const correction = revising ? await findOpenCorrection(trx, period.id) : null;
		if (correction)
			await closeCorrection(
				trx,
				{ id: correction.id, status: 'published', closedBy: input.userId, reason },
				now
			);
		await insertPublication(
			trx,
			{
				periodId: period.id,
				revision,
				publishedBy: input.userId,
				reason,
				openFlagsConfirmed: openFlagCount > 0,
				confirmations: JSON.stringify(confirmed),
				changes: JSON.stringify(changes),
				snapshot
			},
			now
		);
		// docs/rules.md §5: low scorers get a draft coaching plan with the results, in the same transaction.
		const coaching = await draftCoachingPlans(trx, period.id, doc, now);
		await invalidatePeriodResults(trx, period.id);
		await auditTrail(trx, input.userId, now).record(
			revising ? 'period.publish_revision' : 'period.publish',
			'period',
			period.id,
			{
				code: period.code,
				revision,
				reason,
				openFlagsConfirmed: openFlagCount,
				coachingPlansDrafted: coaching.drafted,
				changed: changes.length,
				correction: correction?.reason ?? null,
				confirmed: confirmed.map((c) => ({ class: c.class, count: c.count })),
				openFlags: (confirmed.find((c) => c.class === 'flags')?.items ?? []).map((i) => i.detail)
			}
		);
		return ok({
			periodId: period.id,
			revision,
			openFlagsConfirmed: openFlagCount,
			snapshot,
			changed: changes.length
		});
	});
}
