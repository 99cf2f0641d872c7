import { formatDecimalId } from '../scoring/display';
import { MIN_COMPLAINTS, SIGNALS, type Signal, type TriangulatedUnit } from './triangulation';

// The triangulation page's table: sortable columns and display strings. Wording lives in the
// Paraglide messages; this module only says which signal sits high and which low.

export const SORT_KEYS = ['gap', 'unit', 'ipp', 'v', 'ikm', 'u8', 'complaints', 'days'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export function readSort(key: string | null, dir: string | null): { key: SortKey; dir: SortDirection } {
	const k = (SORT_KEYS as readonly string[]).includes(key ?? '') ? (key as SortKey) : 'gap';
	const d = dir === 'asc' || dir === 'desc' ? dir : k === 'unit' ? 'asc' : 'desc';
	return { key: k, dir: d };
}

const largestGap = (u: TriangulatedUnit) => u.disagreements[0]?.gap ?? null;

function sortValue(u: TriangulatedUnit, key: SortKey): number | string | null {
	switch (key) {
		case 'gap':
			return largestGap(u);
		case 'unit':
			return u.name;
		case 'ipp':
			return u.ipp;
		case 'v':
			return u.aspectV;
		case 'ikm':
			return u.ikm;
		case 'u8':
			return u.u8;
		case 'complaints':
			return u.complaints?.shareClosed ?? null;
		case 'days':
			return u.complaints?.medianDays ?? null;
	}
}

/** Sorted copy; units without the value always come last, ties keep the name order. */
export function sortTriangulation(
	units: readonly TriangulatedUnit[],
	key: SortKey,
	dir: SortDirection
): TriangulatedUnit[] {
	const sign = dir === 'asc' ? 1 : -1;
	return [...units].sort((a, b) => {
		const va = sortValue(a, key);
		const vb = sortValue(b, key);
		if (va === null || vb === null) {
			if (va !== vb) return va === null ? 1 : -1;
		} else if (va !== vb) {
			const cmp = typeof va === 'string' ? va.localeCompare(vb as string, 'id') : va - (vb as number);
			if (cmp !== 0) return sign * cmp;
		}
		return a.name.localeCompare(b.name, 'id') || a.code.localeCompare(b.code);
	});
}

export interface FlagReason {
	high: Signal;
	low: Signal;
	highPr: string;
	lowPr: string;
}

export interface TriangulationRow {
	code: string;
	name: string;
	ipp: string | null;
	aspectV: string | null;
	ikm: string | null;
	u8: string | null;
	pr: Record<Signal, string | null>;
	received: number;
	closed: number;
	shareClosed: string | null;
	medianDays: string | null;
	/** True when the unit has complaints but fewer than the minimum that ranks them. */
	tooFewComplaints: boolean;
	/** At least two signals have a percentile rank, so agreement can be told at all. */
	comparable: boolean;
	reasons: FlagReason[];
}

/** Writes a number rounded half up to `digits` decimals in the reader's notation. */
export type DecimalFormat = (value: number, digits: number) => string;

/**
 * The row as shown. Pages and PDFs pass `fmtDecimal` from src/lib/i18n/display.ts, so "4,20"
 * reads "4.20" in English (README "Where translation happens"); Indonesian notation by default.
 */
export function triangulationRow(
	u: TriangulatedUnit,
	fmt: DecimalFormat = formatDecimalId
): TriangulationRow {
	const pr = (v: number | null) => (v === null ? null : fmt(v, 0));
	const two = (v: number | null) => (v === null ? null : fmt(v, 2));
	return {
		code: u.code,
		name: u.name,
		ipp: two(u.ipp),
		aspectV: two(u.aspectV),
		// The IKM is shown converted (25..100), as units report it (docs/rules.md §6).
		ikm: u.ikm === null ? null : fmt(u.ikm * 25, 2),
		u8: two(u.u8),
		pr: Object.fromEntries(SIGNALS.map((s) => [s, pr(u.pr[s])])) as Record<Signal, string | null>,
		received: u.complaints?.received ?? 0,
		closed: u.complaints?.closed ?? 0,
		shareClosed: u.complaints?.shareClosed == null ? null : fmt(u.complaints.shareClosed * 100, 0),
		medianDays: u.complaints?.medianDays == null ? null : fmt(u.complaints.medianDays, 1),
		tooFewComplaints: (u.complaints?.received ?? 0) > 0 && (u.complaints?.received ?? 0) < MIN_COMPLAINTS,
		comparable: SIGNALS.filter((s) => u.pr[s] !== null).length >= 2,
		reasons: u.disagreements.map((d) => {
			const low = d.pair[0] === d.higher ? d.pair[1] : d.pair[0];
			return { high: d.higher, low, highPr: pr(u.pr[d.higher])!, lowPr: pr(u.pr[low])! };
		})
	};
}
