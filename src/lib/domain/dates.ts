import { DEFAULT_TIME_ZONE, isoDateIn, zoneOffsetMs } from './format';

// Calendar arithmetic on ISO dates ('YYYY-MM-DD') in UTC, free of clocks; the days of a time zone
// (below) are the one place a zone enters.

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
	if (!ISO.test(value)) return false;
	const d = new Date(value + 'T00:00:00Z');
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function addDays(iso: string, days: number): string {
	const d = new Date(iso + 'T00:00:00Z');
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/** Every date from..to inclusive; empty when to < from. */
export function datesBetween(from: string, to: string): string[] {
	const out: string[] = [];
	for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
	return out;
}

/** Monday to Friday. */
export function isWorkingDay(iso: string): boolean {
	const day = new Date(iso + 'T00:00:00Z').getUTCDay();
	return day !== 0 && day !== 6;
}

export function workingDaysBetween(from: string, to: string): string[] {
	return datesBetween(from, to).filter(isWorkingDay);
}

// Days of the office's time zone (TZ; Asia/Jakarta unless set).

/** The calendar date (YYYY-MM-DD) in the zone of an instant given in epoch milliseconds. */
export function dayOfInstant(epochMs: number, timeZone = DEFAULT_TIME_ZONE): string {
	return isoDateIn(new Date(epochMs), timeZone);
}

/** First instant (epoch ms) of a calendar date in the zone. */
export function dayStart(isoDate: string, timeZone = DEFAULT_TIME_ZONE): number {
	const utcMidnight = Date.parse(`${isoDate}T00:00:00Z`);
	return utcMidnight - zoneOffsetMs(timeZone, utcMidnight);
}

/** Half-open epoch range [start, end) covering the inclusive dates from..to in the zone. */
export function dayRange(
	from: string,
	to: string,
	timeZone = DEFAULT_TIME_ZONE
): { start: number; end: number } {
	// the day after's first instant, not 24 hours on: a day with a clock change is not 24 hours long
	return { start: dayStart(from, timeZone), end: dayStart(addDays(to, 1), timeZone) };
}
