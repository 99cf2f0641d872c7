import { isoDateIn, zoneOffsetMs } from '../format';

// Survey windows (docs/rules.md §6): ISO dates, inclusive, read as days of the office's time zone
// (TZ, Asia/Jakarta unless set). Indonesia keeps no daylight saving time, so a day of its zones
// is 24 hours from local midnight.
const DAY_MS = 24 * 3600 * 1000;
const DEFAULT_ZONE = 'Asia/Jakarta';

export interface SurveyWindow {
	from: string;
	to: string;
}

/** The calendar date (YYYY-MM-DD) in the zone of an instant given in epoch milliseconds. */
export function dayOfInstant(epochMs: number, timeZone = DEFAULT_ZONE): string {
	return isoDateIn(new Date(epochMs), timeZone);
}

/** First instant (epoch ms) of a calendar date in the zone. */
export function dayStart(isoDate: string, timeZone = DEFAULT_ZONE): number {
	const utcMidnight = Date.parse(`${isoDate}T00:00:00Z`);
	return utcMidnight - zoneOffsetMs(timeZone, utcMidnight);
}

/** Half-open epoch range [start, end) covering the inclusive dates from..to in the zone. */
export function dayRange(from: string, to: string, timeZone = DEFAULT_ZONE): { start: number; end: number } {
	return { start: dayStart(from, timeZone), end: dayStart(to, timeZone) + DAY_MS };
}

export function isInWindow(window: SurveyWindow, epochMs: number, timeZone = DEFAULT_ZONE): boolean {
	const day = dayOfInstant(epochMs, timeZone);
	return window.from <= day && day <= window.to;
}

/**
 * The period a response given at `epochMs` belongs to: the one whose window contains that moment.
 * When windows overlap, the most recently opened window wins, so a new period takes over cleanly.
 */
export function periodForMoment<T extends SurveyWindow>(
	periods: readonly T[],
	epochMs: number,
	timeZone = DEFAULT_ZONE
): T | null {
	let best: T | null = null;
	for (const p of periods) if (isInWindow(p, epochMs, timeZone) && (!best || p.from > best.from)) best = p;
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
