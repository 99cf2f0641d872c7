import type { Lacking } from './completeness';
import { formatDecimalId } from './display';
import type { PeriodResults } from './results-shape';
import { tieNotes } from './tie-notes';
import { rankRow, type PublicRankRow } from './public-view';

// What the administrators' results page shows of one category: a page of the ranked table,
// the incomplete units apart, and the chart of category means per aspect.

export interface RankedRow extends PublicRankRow {
	aspects: string[];
	visits: number;
	assessors: number;
}

export interface IncompleteRow {
	code: string;
	name: string;
	ipp: string | null;
	visits: number;
	assessors: number;
	/** What the unit still needs; pages word it in the reader's language (lackingText). */
	lack: Lacking | null;
}

export interface CategoryView {
	name: string;
	count: number;
	incomplete: number;
	/** docs/rules.md §8.2: why no award is named in this category; null when awards are given. */
	awardsWithheld: string | null;
	meanIpp: string | null;
	ranked: RankedRow[];
	page: number;
	pages: number;
	incompleteRows: IncompleteRow[];
}

export function categoryView(
	results: PeriodResults,
	category: string,
	aspectCodes: readonly string[],
	page: number,
	pageSize = 50,
	/** Unpublished results: award labels become candidates (docs/rules.md §8.2). */
	provisional = false
): CategoryView | null {
	const c = results.categories.find((x) => x.name === category);
	if (!c) return null;
	const complete = c.units.filter((u) => u.complete && u.rank !== null);
	const pages = Math.max(1, Math.ceil(complete.length / pageSize));
	const p = Math.min(Math.max(1, page), pages);
	const ties = tieNotes(c.units);
	const ranked = complete.slice((p - 1) * pageSize, p * pageSize).map((u) => ({
		...rankRow(u, provisional, ties),
		aspects: aspectCodes.map((a) => (u.aspects ? formatDecimalId(u.aspects[a], 2) : '')),
		visits: u.visits,
		assessors: u.assessors
	}));
	const incompleteRows = c.units
		.filter((u) => !u.complete)
		.map((u) => ({
			code: u.code,
			name: u.name,
			ipp: u.ipp_display,
			visits: u.visits,
			assessors: u.assessors,
			lack: u.lacking ?? null
		}));
	return {
		name: c.name,
		count: c.count,
		incomplete: c.incomplete,
		awardsWithheld: c.awards_withheld ?? null,
		meanIpp: c.mean_ipp === null ? null : formatDecimalId(c.mean_ipp, 2),
		ranked,
		page: p,
		pages,
		incompleteRows
	};
}

/** Chart data: one dataset per category, the mean of each aspect over its complete units. */
export function aspectMeansChart(results: PeriodResults, aspectCodes: readonly string[]) {
	return {
		labels: [...aspectCodes],
		datasets: results.categories
			.filter((c) => c.aspect_means !== null)
			.map((c) => ({
				label: c.name,
				data: aspectCodes.map((a) => Math.round(c.aspect_means![a] * 100) / 100)
			}))
	};
}
