export type { Grade, GradeInfo } from './display';
export type { AspectWeight } from '../instrument/types';

/** Assessor identity as the caller stores it; compared by its string form. */
export type AssessorId = string | number;

/** One submitted score sheet (docs/rules.md §4.1): integer scores keyed by indicator code. */
export interface SheetScores {
	visitNo: number;
	assessorId: AssessorId;
	/** Weight-0 indicators may be missing (docs/rules.md §3: optional on a sheet). */
	scores: Readonly<Record<string, number>>;
}

/** A submitted sheet reduced to Σ w_i·s_i per scored aspect, as the results service stores it. */
export interface SheetAspectSums {
	visitNo: number;
	assessorId: AssessorId;
	aspectSums: Readonly<Record<string, number>>;
}

/** A sheet together with the unit it belongs to, for period-wide analyses (docs/rules.md §4.10, 4.11). */
export interface UnitSheetScores extends SheetScores {
	unitCode: string;
}
