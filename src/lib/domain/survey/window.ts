// Survey windows (docs/rules.md §6): ISO dates, inclusive, read in Asia/Jakarta. Indonesia keeps no daylight
// saving time, so WIB is a fixed UTC+7 and the calendar date needs no time-zone database.
const WIB_OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

export interface SurveyWindow {
	from: string;
	to: string;
}

/** The Jakarta calendar date (YYYY-MM-DD) of an instant given in epoch milliseconds. */
export function jakartaDate(epochMs: number): string {
	return new Date(epochMs + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** First instant (epoch ms) of a Jakarta calendar date. */
export function jakartaDayStart(isoDate: string): number {
	return Date.parse(`${isoDate}T00:00:00Z`) - WIB_OFFSET_MS;
}

/** Half-open epoch range [start, end) covering the inclusive Jakarta dates from..to. */
export function jakartaRange(from: string, to: string): { start: number; end: number } {
	return { start: jakartaDayStart(from), end: jakartaDayStart(to) + DAY_MS };
}

export function isInWindow(window: SurveyWindow, epochMs: number): boolean {
	const day = jakartaDate(epochMs);
	return window.from <= day && day <= window.to;
}

/**
 * The period a response given at `epochMs` belongs to: the one whose window contains that moment.
 * When windows overlap, the most recently opened window wins, so a new period takes over cleanly.
 */
export function periodForMoment<T extends SurveyWindow>(periods: readonly T[], epochMs: number): T | null {
	let best: T | null = null;
	for (const p of periods) if (isInWindow(p, epochMs) && (!best || p.from > best.from)) best = p;
	return best;
}

// One rule for a written date (domain/dates.ts), re-exported for the survey's callers.
export { isIsoDate } from '../dates';

export type RangePreset =
	{ kind: 'quarter' | 'semester'; year: number; index: number } | { kind: 'year'; year: number };

/** Inclusive dates of a quarter (1..4), semester (1..2) or year, as units report their IKM. */
export function presetRange(p: RangePreset): SurveyWindow {
	const months =
		p.kind === 'year'
			? [1, 12]
			: p.kind === 'semester'
				? [p.index * 6 - 5, p.index * 6]
				: [p.index * 3 - 2, p.index * 3];
	const lastDay = new Date(Date.UTC(p.year, months[1], 0)).getUTCDate();
	const mm = (n: number) => String(n).padStart(2, '0');
	return { from: `${p.year}-${mm(months[0])}-01`, to: `${p.year}-${mm(months[1])}-${mm(lastDay)}` };
}
