import type { Db } from '../db/connection';
import { formatDateTimeId } from '../../domain/format';
import { findLatestSnapshot, findPeriodByCode, type PeriodDetail } from '../periods/period.repository';
import { listPublications } from './publication.repository';
import { computeResultsDocument } from '../results/results.service';
import { describeFlag, reviewPeriodScores } from '../sheets/score-review.service';
import { sortByCategoryOrder } from '../../domain/scoring/category-order';
import type { CategoryResult } from '../../domain/scoring/results-shape';

// The publication desk of a period: what publishing would freeze, the open flags that need a
// confirmed reason, the revision history, and whether scores changed since the last snapshot.

export interface PublicationPage {
	period: Pick<PeriodDetail, 'code' | 'name' | 'status'>;
	canPublish: boolean;
	canRevise: boolean;
	openFlags: string[];
	openFlagCount: number;
	/** Per category: ranked units and award winners the results would show now. */
	summary: { category: string; ranked: number; incomplete: number; winners: string[] }[];
	/** Published period only: current scores give other numbers than the last snapshot. */
	changedSincePublication: boolean;
	revisions: {
		revision: number;
		at: string;
		by: string;
		reason: string | null;
		openFlagsConfirmed: boolean;
	}[];
}

export async function loadPublicationPage(db: Db, code: string): Promise<PublicationPage | null> {
	const period = await findPeriodByCode(db, code);
	if (!period) return null;
	const { openFlags } = await reviewPeriodScores(db, period);
	// Computed fresh (not from the cache or snapshot): this is what a publication would freeze.
	const doc = await computeResultsDocument(db, period, 'published');
	const snapshot = await findLatestSnapshot(db, period.id);
	const published = period.status === 'published';
	return {
		period: { code: period.code, name: period.name, status: period.status },
		canPublish: period.status === 'running' || period.status === 'review',
		canRevise: published,
		openFlags: openFlags.slice(0, 50).map(describeFlag),
		openFlagCount: openFlags.length,
		summary: doc.categories.map((c) => ({
			category: c.name,
			ranked: c.count,
			incomplete: c.incomplete,
			winners: c.units.filter((u) => u.award).map((u) => `${u.award}: ${u.name} (${u.ipp_display})`)
		})),
		changedSincePublication:
			published &&
			snapshot !== null &&
			// compared alphabetically: a new category order alone is not a change of results
			JSON.stringify(byName(doc.categories)) !== JSON.stringify(byName(JSON.parse(snapshot).categories)),
		revisions: (await listPublications(db, period.id)).map((p) => ({
			revision: p.revision,
			at: formatDateTimeId(p.publishedAt),
			by: p.publishedBy ?? 'baris perintah',
			reason: p.reason,
			openFlagsConfirmed: p.openFlagsConfirmed
		}))
	};
}

const byName = (categories: readonly CategoryResult[]) =>
	sortByCategoryOrder(categories, undefined, (c) => c.name);
