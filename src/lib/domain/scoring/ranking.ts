import { round9 } from './display';

// docs/rules.md §4.7: rank complete units of one category by IPP, break ties by aspect scores in
// weight order, share the rank when still equal (competition ranking), and say why.

export interface RankCandidate {
	code: string;
	name: string;
	ipp: number;
	aspects: Readonly<Record<string, number>>;
}

/** What separated a unit from the unit listed just above it. */
export type RankReason =
	{ rule: 'first' } | { rule: 'ipp' } | { rule: 'aspect'; aspect: string } | { rule: 'tie' };

export interface RankedEntry<T> {
	unit: T;
	rank: number;
	reason: RankReason;
}

/** Reasons are shared, read-only values: one object per kind instead of one per ranked unit. */
const FIRST: RankReason = Object.freeze({ rule: 'first' });
const BY_IPP: RankReason = Object.freeze({ rule: 'ipp' });
const TIE: RankReason = Object.freeze({ rule: 'tie' });

/** Listing order of units that share a rank (docs/rules.md §4.7) or are unranked: name, then code. */
export function compareByName(a: { name: string; code: string }, b: { name: string; code: string }): number {
	return a.name.localeCompare(b.name, 'id') || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * Orders units best first with competition ranks (1, 2, 2, 4). `tieBreakOrder` is the aspect
 * order of aspectTieBreakOrder(). Units sharing a rank are listed by name ('id' collation).
 */
export function rankUnits<T extends RankCandidate>(
	units: readonly T[],
	tieBreakOrder: readonly string[]
): RankedEntry<T>[] {
	// Keys of unit i at keys[i * width + j]: round9(ipp), then round9 of each aspect in tie-break
	// order, so equality stays transitive. One flat array instead of one per unit: ranking runs
	// over tens of thousands of units per category (README, "Benchmark").
	const width = tieBreakOrder.length + 1;
	const keys = new Float64Array(units.length * width);
	for (let i = 0; i < units.length; i++) {
		const unit = units[i];
		keys[i * width] = round9(unit.ipp);
		for (let j = 1; j < width; j++) {
			const score = unit.aspects[tieBreakOrder[j - 1]];
			if (typeof score !== 'number') {
				throw new RangeError(`Unit ${unit.code}: skor aspek ${tieBreakOrder[j - 1]} tidak ada`);
			}
			keys[i * width + j] = round9(score);
		}
	}
	/** The first key where units a and b differ, or -1 when all are equal. */
	const firstDifference = (a: number, b: number): number => {
		for (let j = 0; j < width; j++) if (keys[a * width + j] !== keys[b * width + j]) return j;
		return -1;
	};
	const order = orderByIpp(keys, width, units.length);
	// Units with the same IPP are rare: only their runs are ordered by the tie-break aspects.
	for (let start = 0; start < order.length;) {
		let end = start + 1;
		while (end < order.length && keys[order[start] * width] === keys[order[end] * width]) end++;
		if (end - start > 1) {
			const run = order.slice(start, end).sort((a, b) => {
				const j = firstDifference(a, b);
				return j === -1 ? 0 : keys[b * width + j] - keys[a * width + j];
			});
			for (let i = 0; i < run.length; i++) order[start + i] = run[i];
		}
		start = end;
	}
	// Names are collated only inside runs of fully equal units: collation is the slow part
	// of sorting tens of thousands of units, and ties are rare.
	for (let start = 0; start < order.length;) {
		let end = start + 1;
		while (end < order.length && firstDifference(order[start], order[end]) === -1) end++;
		if (end - start > 1) {
			const run = order.slice(start, end).sort((a, b) => compareByName(units[a], units[b]));
			for (let i = 0; i < run.length; i++) order[start + i] = run[i];
		}
		start = end;
	}

	const ranked: RankedEntry<T>[] = new Array(order.length);
	for (let i = 0; i < order.length; i++) {
		const unit = units[order[i]];
		if (i === 0) {
			ranked[i] = { unit, rank: 1, reason: FIRST };
			continue;
		}
		const j = firstDifference(order[i - 1], order[i]);
		const reason: RankReason =
			j === -1 ? TIE : j === 0 ? BY_IPP : { rule: 'aspect', aspect: tieBreakOrder[j - 1] };
		ranked[i] = { unit, rank: j === -1 ? ranked[i - 1].rank : i + 1, reason };
	}
	return ranked;
}

// A unit index fits below the IPP key in one exact double when the IPPs span less than 2^33
// nano-units (8.5 points; IPPs lie between 0 and 5) and a category has at most 2^20 units.
const INDEX_BITS = 2 ** 20;
const MAX_SPAN = 2 ** 33;

/**
 * Unit indexes by IPP key (keys[i * width], rounded to 9 decimals), highest first; equal IPPs keep
 * index order. One native numeric sort of packed keys instead of a comparison function: ranking
 * sorts tens of thousands of units per category (README, "Benchmark").
 */
function orderByIpp(keys: Float64Array, width: number, count: number): number[] {
	const nanos = new Float64Array(count);
	let top = -Infinity;
	let bottom = Infinity;
	for (let i = 0; i < count; i++) {
		nanos[i] = Math.round(keys[i * width] * 1e9);
		top = Math.max(top, nanos[i]);
		bottom = Math.min(bottom, nanos[i]);
	}
	const order = new Array<number>(count);
	if (count > INDEX_BITS || top - bottom >= MAX_SPAN) {
		for (let i = 0; i < count; i++) order[i] = i;
		return order.sort((a, b) => nanos[b] - nanos[a] || a - b);
	}
	const packed = new Float64Array(count);
	for (let i = 0; i < count; i++) packed[i] = (top - nanos[i]) * INDEX_BITS + i;
	packed.sort();
	for (let i = 0; i < count; i++) order[i] = packed[i] % INDEX_BITS;
	return order;
}
