import { round9 } from '../scoring/display';
import type { ComplaintFigures } from '../complaints/figures';

// Triangulation of the assessors' IPP, the citizens' IKM and complaint handling (docs/rules.md §9.3):
// percentile ranks within a category, and a flag where two signals disagree by 50 points or more.

export const SIGNALS = ['ipp', 'ikm', 'complaints'] as const;
export type Signal = (typeof SIGNALS)[number];

/** Complaint handling counts only with at least this many complaints in the window. */
export const MIN_COMPLAINTS = 5;
/** Percentile ranks this far apart make two signals disagree ("tidak selaras"). */
export const DISAGREEMENT_GAP = 50;

export interface TriangulationInput {
	code: string;
	name: string;
	/** IPP of a complete unit; null when the unit is incomplete or has no sheets. */
	ipp: number | null;
	/** Aspect V (Konsultasi dan Pengaduan); null without sheets. */
	aspectV: number | null;
	/** IKM on the 1..4 scale; null without questionnaires. */
	ikm: number | null;
	/** NRR of element U8 (Penanganan Pengaduan, Saran dan Masukan). */
	u8: number | null;
	complaints: ComplaintFigures | null;
}

export interface Disagreement {
	pair: [Signal, Signal];
	/** Absolute difference of the two percentile ranks. */
	gap: number;
	/** The signal ranked higher of the two. */
	higher: Signal;
}

export interface TriangulatedUnit extends TriangulationInput {
	pr: Record<Signal, number | null>;
	/** Every pair 50 or more apart, largest gap first. */
	disagreements: Disagreement[];
}

/**
 * PR = 100 * (below + 0.5 * equal) / (n - 1), counting the other units only; null for a value
 * that is absent or when fewer than two units have the signal. Values are compared after the
 * 9-decimal rounding of docs/rules.md §4.7, so that binary noise never breaks a tie.
 */
export function percentileRanks(values: readonly (number | null)[]): (number | null)[] {
	const keys = values.map((v) => (v === null ? null : round9(v)));
	const sorted = keys.filter((v): v is number => v !== null).sort((a, b) => a - b);
	const n = sorted.length;
	// Counted by binary search in the sorted values: a national category has 16,000 units, and
	// comparing each with every other took seconds on each report card.
	return keys.map((v) => {
		if (v === null || n < 2) return null;
		const below = firstIndex(sorted, (x) => x >= v);
		const equal = firstIndex(sorted, (x) => x > v) - below - 1; // the unit itself left out
		return (100 * (below + 0.5 * equal)) / (n - 1);
	});
}

/** The first index of ascending `sorted` whose value passes `reached` (its length when none does). */
function firstIndex(sorted: readonly number[], reached: (x: number) => boolean): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (reached(sorted[mid])) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

/** The share closed that takes part: only units with at least MIN_COMPLAINTS complaints. */
export function complaintSignal(figures: ComplaintFigures | null): number | null {
	return figures && figures.received >= MIN_COMPLAINTS ? figures.shareClosed : null;
}

export function triangulateCategory(units: readonly TriangulationInput[]): TriangulatedUnit[] {
	const ipp = percentileRanks(units.map((u) => u.ipp));
	const ikm = percentileRanks(units.map((u) => u.ikm));
	const complaints = percentileRanks(units.map((u) => complaintSignal(u.complaints)));
	return units.map((unit, i) => {
		const pr: Record<Signal, number | null> = { ipp: ipp[i], ikm: ikm[i], complaints: complaints[i] };
		const disagreements: Disagreement[] = [];
		for (let a = 0; a < SIGNALS.length; a++) {
			for (let b = a + 1; b < SIGNALS.length; b++) {
				const pa = pr[SIGNALS[a]];
				const pb = pr[SIGNALS[b]];
				if (pa === null || pb === null) continue;
				const gap = round9(Math.abs(pa - pb));
				if (gap >= DISAGREEMENT_GAP)
					disagreements.push({
						pair: [SIGNALS[a], SIGNALS[b]],
						gap,
						higher: pa >= pb ? SIGNALS[a] : SIGNALS[b]
					});
			}
		}
		disagreements.sort((x, y) => y.gap - x.gap);
		return { ...unit, pr, disagreements };
	});
}
