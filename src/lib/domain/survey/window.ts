import { dayOfInstant } from '../dates';
import { DEFAULT_TIME_ZONE } from '../format';

// Survey windows (docs/rules.md §6): ISO dates, inclusive, read as days of the office's time zone
// (TZ, Asia/Jakarta unless set). Indonesia keeps no daylight saving time, so a day of its zones
// is 24 hours from local midnight.

export interface SurveyWindow {
	from: string;
	to: string;
}

export function isInWindow(window: SurveyWindow, epochMs: number, timeZone = DEFAULT_TIME_ZONE): boolean {
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
	timeZone = DEFAULT_TIME_ZONE
): T | null {
	let best: T | null = null;
	for (const p of periods) if (isInWindow(p, epochMs, timeZone) && (!best || p.from > best.from)) best = p;
	return best;
}

// One rule for a written date and for a day of the office's zone (domain/dates.ts), re-exported
// for the survey's callers.
export { dayOfInstant, dayRange, dayStart, isIsoDate } from '../dates';

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
