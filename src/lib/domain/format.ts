// Display of numbers and dates (docs/rules.md §2: "3,68", "86,96", "1.234"; "22 November 2026"),
// Indonesian by default; English readers get "3.68", "1,234" and English month names.

/** The languages the interface speaks (project.inlang/settings.json). */
export type DisplayLocale = 'id' | 'en';

const MONTHS_EN = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

const MONTHS_ID = [
	'Januari',
	'Februari',
	'Maret',
	'April',
	'Mei',
	'Juni',
	'Juli',
	'Agustus',
	'September',
	'Oktober',
	'November',
	'Desember'
];

/** Indonesian: thousands "." and decimals ","; English: "," and "."; the number must already be rounded. */
export function formatNumber(value: number, decimals = 0, locale: DisplayLocale = 'id'): string {
	const [group, point] = locale === 'en' ? [',', '.'] : ['.', ','];
	const fixed = Math.abs(value).toFixed(decimals);
	const [whole, frac] = fixed.split('.');
	const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
	const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
	return sign + grouped + (frac ? point + frac : '');
}

export function formatNumberId(value: number, decimals = 0): string {
	return formatNumber(value, decimals, 'id');
}

/** The office's time zone when TZ is not set (README "Environment"): western Indonesia, WIB. */
export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

/** "22 November 2026" (or "22 August 2026") for a Date in the given IANA time zone or an ISO date. */
export function formatDate(
	value: Date | string,
	locale: DisplayLocale = 'id',
	timeZone = DEFAULT_TIME_ZONE
): string {
	const { year, month, day } = dateParts(value, timeZone);
	return `${day} ${(locale === 'en' ? MONTHS_EN : MONTHS_ID)[month - 1]} ${year}`;
}

/** The date and the 24-hour time: "22 November 2026 14.05" (Indonesian), "... 14:05" (English). */
export function formatDateTime(
	value: Date,
	locale: DisplayLocale = 'id',
	timeZone = DEFAULT_TIME_ZONE
): string {
	const { year, month, day, hour, minute } = instantParts(value, timeZone);
	const date = `${day} ${(locale === 'en' ? MONTHS_EN : MONTHS_ID)[month - 1]} ${year}`;
	return `${date} ${hour}${locale === 'en' ? ':' : '.'}${minute}`;
}

// Making an Intl.DateTimeFormat with a time zone loads the zone data: on a throttled phone that
// was the largest single script cost of opening a score sheet (README "On a slow link"). The
// zones of Indonesia keep one offset all year (no daylight saving; the last change, Pontianak's,
// was in 1988), so their parts are plain arithmetic; any other zone, or an older instant, goes
// through Intl, one formatter per zone kept for later calls.
const FIXED_OFFSET_HOURS: ReadonlyMap<string, number> = new Map([
	['Asia/Jakarta', 7],
	['Asia/Pontianak', 7],
	['Asia/Makassar', 8],
	['Asia/Jayapura', 9],
	['UTC', 0]
]);
const FIXED_SINCE = Date.UTC(1988, 0, 1);
const formatters = new Map<string, Intl.DateTimeFormat>();
const two = (n: number) => String(n).padStart(2, '0');

/** An instant's calendar date (numbers) and 24-hour time (two-digit text) in a time zone. */
function instantParts(value: Date, timeZone: string) {
	const offset = FIXED_OFFSET_HOURS.get(timeZone);
	if (offset !== undefined && value.getTime() >= FIXED_SINCE) {
		const local = new Date(value.getTime() + offset * 3_600_000);
		return {
			year: local.getUTCFullYear(),
			month: local.getUTCMonth() + 1,
			day: local.getUTCDate(),
			hour: two(local.getUTCHours()),
			minute: two(local.getUTCMinutes())
		};
	}
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-GB', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		});
		formatters.set(timeZone, formatter);
	}
	const parts = formatter.formatToParts(value);
	const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
	return {
		year: Number(get('year')),
		month: Number(get('month')),
		day: Number(get('day')),
		hour: get('hour'),
		minute: get('minute')
	};
}

function dateParts(value: Date | string, timeZone: string): { year: number; month: number; day: number } {
	if (typeof value === 'string') {
		const [y, mo, d] = value.slice(0, 10).split('-').map(Number);
		return { year: y, month: mo, day: d };
	}
	return instantParts(value, timeZone);
}

/**
 * How far a time zone's clock is ahead of UTC at an instant, in milliseconds (a whole number of
 * minutes): UTC+9 is 32,400,000.
 */
export function zoneOffsetMs(timeZone: string, epochMs: number): number {
	const { year, month, day, hour, minute } = instantParts(new Date(epochMs), timeZone);
	const minuteStart = epochMs - (((epochMs % 60_000) + 60_000) % 60_000);
	return Date.UTC(year, month - 1, day, Number(hour), Number(minute)) - minuteStart;
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function isoDateIn(value: Date, timeZone = DEFAULT_TIME_ZONE): string {
	const { year, month, day } = dateParts(value, timeZone);
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
