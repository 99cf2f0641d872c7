import { formatDecimalId, GRADES, predikatOf, type Grade } from './display';
import type { CategoryResult, PeriodResults, UnitResult } from './results-shape';
import { shownAward } from './awards';
import { tieNotes, type TieNote } from './tie-notes';

// What the public results page shows of each category (docs/rules.md §4.7-4.9): the ranking with the
// award winners, the grade distribution and the category statistics, as display strings.

export interface PublicRankRow {
	rank: number;
	code: string;
	name: string;
	ipp: string;
	grade: string;
	predikat: string;
	award: string | null;
	/**
	 * The tie rule when one applied: the unit shares the rank above, was split from it on an
	 * aspect, or shows the same two-decimal IPP as the unit above (docs/rules.md §4.7). Worded
	 * by the page in the reader's language (i18n/tie-note.ts).
	 */
	tie: TieNote | null;
}

/** A ranked unit as every ranking table shows it (public and administrators' pages alike). */
export function rankRow(
	u: UnitResult,
	provisional: boolean,
	ties: ReadonlyMap<string, TieNote>
): PublicRankRow {
	return {
		rank: u.rank!,
		code: u.code,
		name: u.name,
		ipp: u.ipp_display ?? '',
		grade: u.grade ?? '',
		predikat: u.predikat ?? '',
		award: shownAward(u.award, provisional),
		tie: ties.get(u.code) ?? null
	};
}

export interface PublicCategory {
	name: string;
	count: number;
	incomplete: number;
	/** docs/rules.md §8.2: why no award is named in this category; null when awards are given. */
	awardsWithheld: string | null;
	stats: { mean: string; median: string; min: string; max: string } | null;
	grades: { grade: Grade; predikat: string; count: number }[];
	ranked: PublicRankRow[];
	incompleteUnits: string[];
}

export interface AwardWinner {
	category: string;
	rank: number;
	award: string;
	code: string;
	name: string;
	ipp: string;
	grade: string;
	predikat: string;
}

const show = (x: number | null) => (x === null ? '' : formatDecimalId(x, 2));

/** `provisional`: an unpublished preview, whose award labels are only candidates (docs/rules.md §8.2). */
export function publicCategories(results: PeriodResults, provisional = false): PublicCategory[] {
	return results.categories.map((c) => categoryOf(c, provisional));
}

function categoryOf(c: CategoryResult, provisional: boolean): PublicCategory {
	const ties = tieNotes(c.units);
	return {
		name: c.name,
		count: c.count,
		incomplete: c.incomplete,
		awardsWithheld: c.awards_withheld ?? null,
		stats:
			c.mean_ipp === null
				? null
				: { mean: show(c.mean_ipp), median: show(c.median_ipp), min: show(c.min_ipp), max: show(c.max_ipp) },
		grades: GRADES.map((g) => ({ grade: g, predikat: predikatOf(g), count: c.grade_counts[g] ?? 0 })),
		ranked: c.units.filter((u) => u.complete && u.rank !== null).map((u) => rankRow(u, provisional, ties)),
		incompleteUnits: c.units.filter((u) => !u.complete).map((u) => u.name)
	};
}

/** Award winners of every category, in category order then rank. */
export function awardWinners(results: PeriodResults, provisional = false): AwardWinner[] {
	return results.categories.flatMap((c) =>
		c.units
			.filter((u) => u.award !== null && u.rank !== null)
			.map((u) => ({
				category: c.name,
				rank: u.rank!,
				award: shownAward(u.award, provisional)!,
				code: u.code,
				name: u.name,
				ipp: u.ipp_display ?? '',
				grade: u.grade ?? '',
				predikat: u.predikat ?? ''
			}))
	);
}

/** Winners grouped by category, categories in their results order. */
export function winnersByCategory(
	winners: readonly AwardWinner[]
): { category: string; winners: AwardWinner[] }[] {
	const groups: { category: string; winners: AwardWinner[] }[] = [];
	for (const w of winners) {
		const last = groups.at(-1);
		if (last && last.category === w.category) last.winners.push(w);
		else groups.push({ category: w.category, winners: [w] });
	}
	return groups;
}
