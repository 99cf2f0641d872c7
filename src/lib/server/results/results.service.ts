import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection';
import type { PeriodStatus } from '../db/schema';
import type { Grade } from '../../domain/scoring/display';
import { computePeriodResults, type PeriodResults } from '../../domain/scoring/period-results';
import { findInstrumentById } from '../periods/instrument.repository';
import {
	findLatestSnapshot,
	findLatestSnapshotBytes,
	findPeriodByCode,
	type Period
} from '../periods/period.repository';
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

export interface ResultsPeriodHeader {
	code: string;
	name: string;
	instrument: string;
	status: PeriodStatus;
}

export type ResultsDocument = { period: ResultsPeriodHeader } & PeriodResults;

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

/**
 * The results of a period as serialised JSON: the latest publication snapshot for a published
 * or archived period, else the cache row, computed and stored when missing.
 */
export async function loadResultsJson(db: Db, periodCode: string, now: Date): Promise<ResultsJson | null> {
	const period = await findPeriodByCode(db, periodCode);
	if (!period) return null;
	if (isPublished(period.status)) {
		const snapshot = await findLatestSnapshot(db, period.id);
		if (snapshot !== null) {
			const doc = JSON.parse(snapshot) as ResultsDocument;
			doc.period.status = period.status;
			// A snapshot keeps the category order of its publication day; every list follows
			// today's order (docs/rules.md §8.8). The numbers stay exactly as frozen.
			const order = await listCategoryNames(db);
			doc.categories = sortByCategoryOrder(doc.categories, order, (c) => c.name);
			return { period, json: JSON.stringify(doc) };
		}
	}
	const cached = await findCachedResults(db, period.id);
	if (cached !== null) return { period, json: cached };
	const claim = randomUUID();
	await claimCachedResults(db, period.id, claim, now);
	const json = JSON.stringify(await computeResultsDocument(db, period));
	await storeCachedResults(db, period.id, claim, json, now);
	return { period, json };
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
			? await findLatestSnapshotBytes(db, period.id)
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
	const found = await loadResultsJson(db, periodCode, now);
	return found ? { period: found.period, doc: JSON.parse(found.json) as ResultsDocument } : null;
}

/** Keeps only the named category (case-insensitive); null when the period has no such category. */
export function filterCategory(doc: ResultsDocument, category: string): ResultsDocument | null {
	const wanted = category.trim().toLocaleLowerCase('id');
	const categories = doc.categories.filter((c) => c.name.toLocaleLowerCase('id') === wanted);
	return categories.length ? { ...doc, categories } : null;
}
