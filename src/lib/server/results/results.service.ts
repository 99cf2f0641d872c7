import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection';
import type { PeriodStatus } from '../db/schema';
import type { Grade } from '../../domain/scoring/display';
import { computePeriodResults } from '../../domain/scoring/period-results';
import { findInstrumentById } from '../periods/instrument.repository';
import { findPeriodByCode, type Period } from '../periods/period.repository';
import { findLatestPublished, findLatestPublishedBytes } from '../publication/publication-read.repository';
import type { ResultsDocument } from '../../domain/scoring/results-shape';
import { listResultUnitVisits } from './results.repository';
import {
	claimCachedResults,
	findCachedResults,
	findCachedResultsBytes,
	storeCachedResults
} from './result-cache.repository';
import { isPublished } from '../../domain/period-status';
import { listCategoryNames } from '../units/category.repository';
import { sortByCategoryOrder } from '../../domain/scoring/category-order';

// Period results (README: "Results JSON"): per-visit totals of the submitted sheets from SQL
// fed to the domain rules; served from period_result_cache while the period runs, and from the latest
// publication snapshot (frozen) once it is published.

/** Computes the results from the database now; `status` overrides the header (publishing). */
export async function computeResultsDocument(
	db: Db,
	period: Period,
	status: PeriodStatus = period.status
): Promise<ResultsDocument> {
	const instrument = await findInstrumentById(db, period.instrumentId);
	if (!instrument) throw new Error(`Instrumen periode ${period.code} tidak ada`);
	const aspects = instrument.def.aspects.filter((a) => a.weight > 0);
	const categoryOrder = await listCategoryNames(db);
	// Read last: on SQLite the units are streamed while the rules run (results.repository.ts).
	// A visit of a unit the period no longer covers cannot be placed in a category: not read.
	const units = await listResultUnitVisits(db, period.id);
	// The stored sums are keyed by aspect id (sheets/visit-total.repository.ts).
	const visitSumKeys: Record<string, string> = {};
	for (const a of aspects) visitSumKeys[a.code] = String(instrument.aspectIds.get(a.code)!);
	const results = computePeriodResults({
		instrument: instrument.def,
		settings: {
			requiredVisits: period.requiredVisits,
			requiredAssessors: period.requiredAssessors,
			awardsPerCategory: period.awardsPerCategory,
			awardMinGrade: (period.awardMinGrade as Grade | null) ?? null,
			minRankedForAwards: period.minRankedForAwards
		},
		units,
		visitSumKeys,
		categoryOrder
	});
	return {
		period: { code: period.code, name: period.name, instrument: period.instrumentCode, status },
		...results
	};
}

export interface ResultsJson {
	period: Period;
	/** The serialised ResultsDocument, served as is by the API. */
	json: string;
}

/** A published document as read today: today's status and category order, the numbers as frozen. */
async function asReadToday(db: Db, period: Period, frozen: ResultsDocument): Promise<ResultsDocument> {
	// A snapshot keeps the category order of its publication day; every list follows today's
	// order (docs/rules.md §8.8). The frozen document is shared (publication-read.repository.ts),
	// so the changed parts are new objects.
	const order = await listCategoryNames(db);
	return {
		...frozen,
		period: { ...frozen.period, status: period.status },
		categories: sortByCategoryOrder(frozen.categories, order, (c) => c.name)
	};
}

/**
 * The results of a period as stored: the latest publication snapshot for a published or
 * archived period (parsed), else the cache row (as JSON), computed and stored when missing.
 */
async function storedResults(
	db: Db,
	period: Period,
	now: Date
): Promise<{ doc: ResultsDocument } | { json: string }> {
	if (isPublished(period.status)) {
		const published = await findLatestPublished(db, period.id);
		if (published) return { doc: await asReadToday(db, period, published.results) };
	}
	const cached = await findCachedResults(db, period.id);
	if (cached !== null) return { json: cached };
	const claim = randomUUID();
	await claimCachedResults(db, period.id, claim, now);
	const json = JSON.stringify(await computeResultsDocument(db, period));
	await storeCachedResults(db, period.id, claim, json, now);
	return { json };
}

/** The results of a period as serialised JSON (README, "Results JSON"); null when no such period. */
export async function loadResultsJson(db: Db, periodCode: string, now: Date): Promise<ResultsJson | null> {
	const period = await findPeriodByCode(db, periodCode);
	if (!period) return null;
	const stored = await storedResults(db, period, now);
	return { period, json: 'json' in stored ? stored.json : JSON.stringify(stored.doc) };
}

/**
 * The same as loadResultsJson as UTF-8 bytes, read straight from the stored row when there is
 * one (the fast path of the API: no decoding, parsing or re-encoding of a 25 MB document).
 */
export async function loadResultsBytes(
	db: Db,
	periodCode: string,
	now: Date
): Promise<{ period: Period; body: Uint8Array } | null> {
	const period = await findPeriodByCode(db, periodCode);
	if (!period) return null;
	const stored =
		period.status === 'published'
			? await findLatestPublishedBytes(db, period.id)
			: period.status === 'archived'
				? null
				: await findCachedResultsBytes(db, period.id);
	if (stored) return { period, body: stored };
	const found = await loadResultsJson(db, periodCode, now);
	return found ? { period: found.period, body: Buffer.from(found.json, 'utf8') } : null;
}

/** The parsed document (pages, exports); null when the period does not exist. */
export async function loadResults(
	db: Db,
	periodCode: string,
	now: Date
): Promise<{ period: Period; doc: ResultsDocument } | null> {
	const period = await findPeriodByCode(db, periodCode);
	if (!period) return null;
	const stored = await storedResults(db, period, now);
	return { period, doc: 'doc' in stored ? stored.doc : (JSON.parse(stored.json) as ResultsDocument) };
}

/** Keeps only the named category (case-insensitive); null when the period has no such category. */
export function filterCategory(doc: ResultsDocument, category: string): ResultsDocument | null {
	const wanted = category.trim().toLocaleLowerCase('id');
	const categories = doc.categories.filter((c) => c.name.toLocaleLowerCase('id') === wanted);
	return categories.length ? { ...doc, categories } : null;
}
