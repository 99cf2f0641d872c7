import type { AspectWeight } from '../instrument/types';
import type { PeriodStatus } from '../period-status';
import type { Lacking } from './completeness';
import type { Grade } from './display';
import type { RankReason } from './ranking';
import type { SheetAspectSums } from './types';
import type { VisitTotal } from './visit-totals';

// Input and output of computePeriodResults. The output keys follow the README ("Results
// JSON", without `period`); `rank_reason` and `lacking` are additions, as the README allows.

export interface PeriodSettings {
	requiredVisits: number;
	requiredAssessors: number;
	awardsPerCategory: number;
	awardMinGrade: Grade | null;
	/**
	 * docs/rules.md §8.2: fewer ranked units than this in a category and no award is named there.
	 * Absent means no minimum (results stored before the rule); periods carry 3.
	 */
	minRankedForAwards?: number;
}

export const DEFAULT_PERIOD_SETTINGS: PeriodSettings = {
	requiredVisits: 2,
	requiredAssessors: 2,
	awardsPerCategory: 2,
	awardMinGrade: null
};

export interface PeriodUnitInput {
	code: string;
	name: string;
	category: string;
	/** Submitted sheets only; or, instead, their totals per visit (`visits`). */
	sheets?: readonly SheetAspectSums[];
	/** The unit's submitted sheets already totalled per visit (visit-totals.ts), as stored. */
	visits?: readonly VisitTotal[];
}

export interface PeriodResultsInput {
	/** An InstrumentDef, or just its aspects' codes and weights in instrument order. */
	instrument: { aspects: readonly AspectWeight[] };
	settings: PeriodSettings;
	/**
	 * Read once, in order. An iterable rather than an array so that a national period can be
	 * streamed from the database unit by unit: each unit's visit totals are garbage as soon as its
	 * result is made (README, "Benchmark": allocation that survives is what costs).
	 */
	units: Iterable<PeriodUnitInput>;
	/** Category names in the administrator's order (docs/rules.md §8.8); alphabetical when absent. */
	categoryOrder?: readonly string[];
	/**
	 * Per scored aspect code, the key under which `visits` carry its sum (the stored totals key
	 * them by aspect id, and re-keying 160,000 totals costs more than the rules); codes when absent.
	 */
	visitSumKeys?: Readonly<Record<string, string>>;
}

export interface UnitResult {
	code: string;
	name: string;
	ipp: number | null;
	ipp_display: string | null;
	grade: Grade | null;
	predikat: string | null;
	rank: number | null;
	complete: boolean;
	award: string | null;
	/** Aspects of weight above 0 only; null without sheets. */
	aspects: Record<string, number> | null;
	visits: number;
	assessors: number;
	/** Why the unit sits below the one above it; null when not ranked. */
	rank_reason: RankReason | null;
	/** What an incomplete unit still needs; null when complete. */
	lacking: Lacking | null;
}

export interface CategoryResult {
	name: string;
	count: number;
	incomplete: number;
	/** docs/rules.md §8.2: why no award is named in this category; absent when awards are given. */
	awards_withheld?: string;
	mean_ipp: number | null;
	median_ipp: number | null;
	min_ipp: number | null;
	max_ipp: number | null;
	aspect_means: Record<string, number> | null;
	grade_counts: Record<Grade, number>;
	/** Complete units in rank order, then incomplete ones by name. */
	units: UnitResult[];
}

export interface PeriodResults {
	categories: CategoryResult[];
}

/** The period a results document is about (README, "Results JSON": `period`). */
export interface ResultsPeriodHeader {
	code: string;
	name: string;
	instrument: string;
	status: PeriodStatus;
}

/** The results JSON as the API serves it and as a publication freezes it. */
export type ResultsDocument = { period: ResultsPeriodHeader } & PeriodResults;
