import type { Db } from '../db/connection';
import { fmtDateTime } from '$lib/i18n/display';
import { shownAward } from '../../domain/scoring/awards';
import { nonEmptyFindings, type PreflightView } from '../../domain/publication/preflight';
import { preflightClassLabel } from '$lib/i18n/preflight-text';
import { findPeriodByCode, type Period } from '../periods/period.repository';
import { findLatestPublished } from './publication-read.repository';
import { listPublications } from './publication.repository';
import { computeResultsDocument } from '../results/results.service';
import { runPublicationPreflight } from './publication-preflight.service';
import { sortByCategoryOrder } from '../../domain/scoring/category-order';
import type { CategoryResult } from '../../domain/scoring/results-shape';
import { changeLines, type ChangeLine } from '../../domain/publication/revision-changes';
import { revisionChangeText } from '$lib/i18n/revision-text';
import { refusalText } from '../service-result';

// The publication desk of a period: what publishing would freeze, the preflight classes
// (docs/rules.md §8.1) that each need a confirmed reason, the revision history, and whether scores changed since
// the last snapshot.

export interface PublicationPage {
	period: Pick<Period, 'code' | 'name' | 'status'>;
	canPublish: boolean;
	canRevise: boolean;
	/** Non-empty preflight classes, in class order. */
	preflight: PreflightView[];
	openFlagCount: number;
	/** Per category: ranked units and award winners the results would show now. */
	summary: {
		category: string;
		ranked: number;
		incomplete: number;
		winners: string[];
		awardsWithheld: string | null;
	}[];
	/** Published period only: current scores give other numbers than the last snapshot. */
	changedSincePublication: boolean;
	revisions: {
		revision: number;
		at: string;
		by: string;
		reason: string | null;
		openFlagsConfirmed: boolean;
		confirmed: { label: string; count: number }[];
		/** docs/rules.md §8.3: what the revision changed, one line per unit. */
		changes: ChangeLine[];
	}[];
}

export async function loadPublicationPage(
	db: Db,
	code: string,
	now = new Date()
): Promise<PublicationPage | null> {
	const period = await findPeriodByCode(db, code);
	if (!period) return null;
	// Computed fresh (not from the cache or snapshot): this is what a publication would freeze.
	const doc = await computeResultsDocument(db, period, 'published');
	const findings = nonEmptyFindings(await runPublicationPreflight(db, period, doc, now));
	const latest = await findLatestPublished(db, period.id);
	const published = period.status === 'published';
	return {
		period: { code: period.code, name: period.name, status: period.status },
		canPublish: period.status === 'running' || period.status === 'review',
		canRevise: published,
		preflight: findings.map((f) => ({
			class: f.class,
			label: preflightClassLabel(f.class),
			count: f.items.length,
			items: f.items.slice(0, 50)
		})),
		openFlagCount: findings.find((f) => f.class === 'flags')?.items.length ?? 0,
		summary: doc.categories.map((c) => ({
			category: c.name,
			ranked: c.count,
			incomplete: c.incomplete,
			// Not yet frozen: candidates only (docs/rules.md §8.2), even on a published period's next revision.
			winners: c.units
				.filter((u) => u.award)
				.map((u) => `${shownAward(u.award, true)}: ${u.name} (${u.ipp_display})`),
			awardsWithheld: c.awards_withheld ?? null
		})),
		changedSincePublication:
			published &&
			latest !== null &&
			// compared alphabetically: a new category order alone is not a change of results
			JSON.stringify(byName(doc.categories)) !== JSON.stringify(byName(latest.results.categories)),
		revisions: (await listPublications(db, period.id)).map((p) => ({
			revision: p.revision,
			at: fmtDateTime(p.publishedAt),
			by: p.publishedBy ?? refusalText('srv_by_command_line'),
			reason: p.reason,
			openFlagsConfirmed: p.openFlagsConfirmed,
			confirmed: p.confirmations.map((c) => ({
				label: preflightClassLabel(c.class),
				count: c.count
			})),
			changes: changeLines(p.changes, revisionChangeText)
		}))
	};
}

const byName = (categories: readonly CategoryResult[]) =>
	sortByCategoryOrder(categories, undefined, (c) => c.name);
