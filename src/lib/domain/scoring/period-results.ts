import { aspectTieBreakOrder, scoredAspects } from '../instrument/queries';
import { awardFor, assertAwardRule, awardsWithheldReason } from './awards';
import { ippFromAspects } from './aspect-scores';
import { assertCompletenessRule, assessCompleteness } from './completeness';
import { formatDecimalId, gradeOf, type Grade } from './display';
import { compareByName, rankUnits } from './ranking';
import type { CategoryResult, PeriodResults, PeriodResultsInput, UnitResult } from './results-shape';
import { summarizeCategory } from './statistics';
import {
	unitAspectScoresFromVisitTotals,
	visitTotalsCoverage,
	visitTotalsOfSheets,
	type VisitTotal
} from './visit-totals';
import { sortByCategoryOrder } from './category-order';

export * from './results-shape';

// The results of a period (the README, "Results JSON", without `period`), from per-sheet
// aspect sums or their per-visit totals: docs/rules.md §4.2-4.9 in one pass per unit plus one sort per category.

/** A complete unit's result, which always has an IPP and aspect scores: ranked as it is. */
type Candidate = UnitResult & { ipp: number; aspects: Record<string, number> };

function scoresOf(
	unitCode: string,
	visits: readonly VisitTotal[],
	aspectCodes: readonly string[],
	sumKeys: readonly string[]
): Record<string, number> | null {
	try {
		return unitAspectScoresFromVisitTotals(visits, aspectCodes, sumKeys);
	} catch (e) {
		// The visit's own message lacks the unit; an import or service needs both to find it.
		throw new RangeError(`Unit ${unitCode}: ${(e as Error).message}`, { cause: e });
	}
}

export function computePeriodResults(input: PeriodResultsInput): PeriodResults {
	const { settings } = input;
	assertCompletenessRule({
		requiredVisits: settings.requiredVisits,
		requiredAssessors: settings.requiredAssessors
	});
	assertAwardRule({ awardsPerCategory: settings.awardsPerCategory });
	const aspects = scoredAspects(input.instrument);
	const aspectCodes = aspects.map((a) => a.code);
	const sumKeys = aspectCodes.map((c) => input.visitSumKeys?.[c] ?? c);
	const tieOrder = aspectTieBreakOrder(input.instrument);

	const buckets = new Map<string, { candidates: Candidate[]; incomplete: UnitResult[]; all: UnitResult[] }>();
	const seen = new Set<string>();
	for (const unit of input.units) {
		if (seen.has(unit.code)) throw new RangeError(`Kode unit ganda: ${unit.code}`);
		seen.add(unit.code);
		const visits = unit.visits ?? visitTotalsOfSheets(unit.sheets ?? []);
		const coverage = visitTotalsCoverage(visits);
		const { complete, lacking } = assessCompleteness(coverage, settings);
		const scores = scoresOf(unit.code, visits, aspectCodes, sumKeys);
		const ipp = scores === null ? null : ippFromAspects(aspects, scores);
		const graded = ipp === null ? null : gradeOf(ipp);
		const result: UnitResult = {
			code: unit.code,
			name: unit.name,
			ipp,
			ipp_display: ipp === null ? null : formatDecimalId(ipp, 2),
			grade: graded ? graded.grade : null,
			predikat: graded ? graded.predikat : null,
			rank: null,
			complete,
			award: null,
			aspects: scores,
			visits: coverage.visits,
			assessors: coverage.assessors,
			rank_reason: null,
			lacking: complete ? null : lacking
		};
		let bucket = buckets.get(unit.category);
		if (!bucket) buckets.set(unit.category, (bucket = { candidates: [], incomplete: [], all: [] }));
		bucket.all.push(result);
		// A complete unit always has sheets (requiredVisits ≥ 1), hence scores and an IPP.
		if (complete && ipp !== null && scores !== null) bucket.candidates.push(result as Candidate);
		else bucket.incomplete.push(result);
	}

	const awardRule = {
		awardsPerCategory: settings.awardsPerCategory,
		minGrade: settings.awardMinGrade
	};
	const categories: CategoryResult[] = [];
	for (const [name, bucket] of buckets) {
		const ranked = rankUnits(bucket.candidates, tieOrder);
		const withheld = awardsWithheldReason(
			ranked.length,
			settings.minRankedForAwards ?? 1,
			settings.awardsPerCategory
		);
		const units: UnitResult[] = [];
		for (const { unit: r, rank, reason } of ranked) {
			r.rank = rank;
			r.rank_reason = reason;
			r.award = withheld === null ? awardFor(rank, r.grade as Grade, awardRule) : null;
			units.push(r);
		}
		bucket.incomplete.sort(compareByName);
		for (const r of bucket.incomplete) units.push(r);

		const stats = summarizeCategory(bucket.all, aspectCodes);
		categories.push({
			name,
			count: stats.count,
			incomplete: stats.incomplete,
			...(withheld === null ? {} : { awards_withheld: withheld }),
			mean_ipp: stats.mean,
			median_ipp: stats.median,
			min_ipp: stats.min,
			max_ipp: stats.max,
			aspect_means: stats.aspectMeans,
			grade_counts: stats.gradeCounts,
			units
		});
	}
	return { categories: sortByCategoryOrder(categories, input.categoryOrder, (c) => c.name) };
}
