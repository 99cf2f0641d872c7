// Calendar arithmetic on ISO dates ('YYYY-MM-DD') in UTC, free of time zones and clocks.

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
