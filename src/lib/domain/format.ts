// Indonesian display of numbers and dates (docs/rules.md §2: "3,68", "86,96", "1.234"; "22 November 2026").
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

/** The day, month name and year in the reader's language: "1 Mei 2026", "1 May 2026". */
export function formatDateIn(value: Date | string, locale: 'id' | 'en', timeZone = 'Asia/Jakarta'): string {
	const { year, month, day } = dateParts(value, timeZone);
	return `${day} ${(locale === 'en' ? MONTHS_EN : MONTHS_ID)[month - 1]} ${year}`;
}

/** Groups thousands with "." and uses "," for decimals; the number must already be rounded. */
export function formatNumberId(value: number, decimals = 0): string {
	const fixed = Math.abs(value).toFixed(decimals);
	const [whole, frac] = fixed.split('.');
	const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
	const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
	return sign + grouped + (frac ? ',' + frac : '');
}

/** "22 November 2026" for a Date (in the given IANA time zone) or an ISO date string. */
export function formatDateId(value: Date | string, timeZone = 'Asia/Jakarta'): string {
	return formatDateIn(value, 'id', timeZone);
}

export function formatDateTimeId(value: Date, timeZone = 'Asia/Jakarta'): string {
	const time = new Intl.DateTimeFormat('en-GB', {
		timeZone,
		hour: '2-digit',
		minute: '2-digit',
		hour12: false
	}).format(value);
	return `${formatDateId(value, timeZone)} ${time.replace(':', '.')}`;
}

function dateParts(value: Date | string, timeZone: string): { year: number; month: number; day: number } {
	if (typeof value === 'string') {
		const [y, mo, d] = value.slice(0, 10).split('-').map(Number);
		return { year: y, month: mo, day: d };
	}
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).formatToParts(value);
	const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
	return { year: get('year'), month: get('month'), day: get('day') };
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function isoDateIn(value: Date, timeZone = 'Asia/Jakarta'): string {
	const { year, month, day } = dateParts(value, timeZone);
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
