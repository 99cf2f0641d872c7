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

interface Keyed<T> {
	unit: T;
	/** round9(ipp), then round9 of each aspect in tie-break order: equality stays transitive. */
	keys: number[];
	/** keys[0], read directly because it settles almost every comparison. */
	ipp9: number;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
	for (let j = 0; j < a.length; j++) {
		if (a[j] !== b[j]) return b[j] - a[j];
	}
	return 0;
}

function firstDifference(a: readonly number[], b: readonly number[]): number {
	for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return j;
	return -1;
}

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
	const keyed: Keyed<T>[] = units.map((unit) => {
		const keys = [round9(unit.ipp)];
		for (const code of tieBreakOrder) {
			const score = unit.aspects[code];
			if (typeof score !== 'number') {
				throw new RangeError(`Unit ${unit.code}: skor aspek ${code} tidak ada`);
			}
			keys.push(round9(score));
		}
		return { unit, keys, ipp9: keys[0] };
	});
	keyed.sort((a, b) => (a.ipp9 !== b.ipp9 ? b.ipp9 - a.ipp9 : compareKeys(a.keys, b.keys)));
	// Names are collated only inside runs of fully equal units: collation is the slow part
	// of sorting tens of thousands of units, and ties are rare.
	for (let start = 0; start < keyed.length;) {
		let end = start + 1;
		while (end < keyed.length && firstDifference(keyed[start].keys, keyed[end].keys) === -1) end++;
		if (end - start > 1) {
			const run = keyed.slice(start, end).sort((a, b) => compareByName(a.unit, b.unit));
			for (let i = 0; i < run.length; i++) keyed[start + i] = run[i];
		}
		start = end;
	}

	const ranked: RankedEntry<T>[] = [];
	for (let i = 0; i < keyed.length; i++) {
		if (i === 0) {
			ranked.push({ unit: keyed[i].unit, rank: 1, reason: { rule: 'first' } });
			continue;
		}
		const j = firstDifference(keyed[i - 1].keys, keyed[i].keys);
		const reason: RankReason =
			j === -1
				? { rule: 'tie' }
				: j === 0
					? { rule: 'ipp' }
					: { rule: 'aspect', aspect: tieBreakOrder[j - 1] };
		const rank = j === -1 ? ranked[i - 1].rank : i + 1;
		ranked.push({ unit: keyed[i].unit, rank, reason });
	}
	return ranked;
}
