import { isGradeAtLeast, type Grade } from './display';

// docs/rules.md §4.8: awards go to the top N ranks of a category, labelled by the rank itself.

export interface AwardRule {
	/** N: ranks 1..N are awarded (default 2). */
	awardsPerCategory: number;
	/** Only units at or above this grade are awarded; null for no minimum. */
	minGrade?: Grade | null;
}

export const DEFAULT_AWARD_RULE: AwardRule = { awardsPerCategory: 2, minGrade: null };

const ROMAN: readonly [number, string][] = [
	[1000, 'M'],
	[900, 'CM'],
	[500, 'D'],
	[400, 'CD'],
	[100, 'C'],
	[90, 'XC'],
	[50, 'L'],
	[40, 'XL'],
	[10, 'X'],
	[9, 'IX'],
	[5, 'V'],
	[4, 'IV'],
	[1, 'I']
];

export function toRoman(n: number): string {
	if (!Number.isInteger(n) || n < 1 || n > 3999) {
		throw new RangeError(`Angka Romawi hanya untuk 1 sampai 3999 (kini ${n})`);
	}
	let rest = n;
	let out = '';
	for (const [value, symbol] of ROMAN) {
		while (rest >= value) {
			out += symbol;
			rest -= value;
		}
	}
	return out;
}

/** "Terbaik I", "Terbaik II", ... : the label follows the (possibly shared) rank. */
export function awardLabel(rank: number): string {
	return `Terbaik ${toRoman(rank)}`;
}

export function assertAwardRule(rule: AwardRule): void {
	if (!Number.isInteger(rule.awardsPerCategory) || rule.awardsPerCategory < 0) {
		throw new RangeError(
			`Jumlah penghargaan per kategori harus bilangan bulat ≥ 0 (kini ${rule.awardsPerCategory})`
		);
	}
}

/**
 * The award of a ranked (complete) unit, or null. With competition ranks, "rank ≤ N" awards
 * everyone sharing the rank at the cut-off (1, 2, 2 for N = 2) and skips the gap after a tie
 * (1, 1, 3: rank 3 only when N ≥ 3). Grades fall with rank, so the minimum grade never
 * leaves a better unit out while a worse one is in.
 */
export function awardFor(rank: number, grade: Grade, rule: AwardRule = DEFAULT_AWARD_RULE): string | null {
	if (rank > rule.awardsPerCategory) return null;
	if (rule.minGrade && !isGradeAtLeast(grade, rule.minGrade)) return null;
	return awardLabel(rank);
}

/**
 * docs/rules.md §8.2: unpublished (provisional) results never show an award label, at most a candidate
 * one ("calon Terbaik I").
 */
export function shownAward(award: string | null, provisional: boolean): string | null {
	return award !== null && provisional ? `calon ${award}` : award;
}

/** docs/rules.md §8.2: the default `min_ranked_for_awards` of a period. */
export const DEFAULT_MIN_RANKED_FOR_AWARDS = 3;

/**
 * docs/rules.md §8.2: a category names award winners only with at least `minRanked` ranked units. The
 * reason (Indonesian, shown as is on results, publication and public pages and carried by the
 * results JSON as `awards_withheld`) when it does not; null when awards are given, or when the
 * period gives none at all (N = 0 is not a withholding).
 */
export function awardsWithheldReason(
	ranked: number,
	minRanked: number,
	awardsPerCategory: number
): string | null {
	if (awardsPerCategory === 0 || ranked >= minRanked) return null;
	const have = ranked === 0 ? 'Belum ada unit yang diperingkat' : `Hanya ${ranked} unit diperingkat`;
	return `${have}; penghargaan diberikan bila sekurang-kurangnya ${minRanked} unit diperingkat.`;
}

const WITHHELD =
	/^(?:Belum ada unit yang diperingkat|Hanya (\d+) unit diperingkat); penghargaan diberikan bila sekurang-kurangnya (\d+) unit diperingkat\.$/;

/**
 * The numbers of a reason written by `awardsWithheldReason` (the results JSON carries the sentence,
 * README "Results API"), so a page can say it in the reader's language; null for any other text.
 */
export function withheldReasonNumbers(reason: string): { ranked: number; minRanked: number } | null {
	const match = WITHHELD.exec(reason);
	return match ? { ranked: Number(match[1] ?? 0), minRanked: Number(match[2]) } : null;
}
