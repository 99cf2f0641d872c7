// Display and grading, docs/rules.md §4.5. Every rounding goes through integers so that
// half-up is decided on the decimal value, never on a binary approximation.

const NINE = 1e9;

/** x as an integer count of 1e-9 (docs/rules.md §4.5: the first rounding removes binary noise). */
function nanoUnits(x: number): number {
	if (!Number.isFinite(x)) throw new RangeError(`Bukan angka terhingga: ${x}`);
	const n = Math.round(Math.abs(x) * NINE);
	return x < 0 ? -n : n;
}

/** x rounded half up (away from zero) to `digits` decimals (0..9), as a scaled integer. */
function scaledHalfUp(x: number, digits: number): number {
	if (!Number.isInteger(digits) || digits < 0 || digits > 9) {
		throw new RangeError(`Jumlah desimal harus 0 sampai 9: ${digits}`);
	}
	const n = nanoUnits(x);
	const step = 10 ** (9 - digits);
	const shifted = Math.abs(n) + step / 2;
	const m = (shifted - (shifted % step)) / step;
	return n < 0 ? -m : m;
}

/** Rounded to 9 decimals: the comparison key of ranking and tie rules (docs/rules.md §4.7). */
export function round9(x: number): number {
	return nanoUnits(x) / NINE;
}

/** 9 decimals first, then half up to 2 (docs/rules.md §4.5): 4.505 gives 4.51. */
export function roundHalfUp2(x: number): number {
	return scaledHalfUp(x, 2) / 100;
}

/**
 * Number text rounded half up: "4,51", "1.234,50" in Indonesian (docs/rules.md §2: comma
 * decimals, dot thousands), "4.51", "1,234.50" for English readers.
 */
export function formatDecimal(x: number, digits = 2, locale: 'id' | 'en' = 'id'): string {
	const [group, point] = locale === 'en' ? [',', '.'] : ['.', ','];
	const scaled = scaledHalfUp(x, digits);
	const factor = 10 ** digits;
	const abs = Math.abs(scaled);
	const whole = Math.floor(abs / factor)
		.toString()
		.replace(/\B(?=(\d{3})+(?!\d))/g, group);
	const frac = digits > 0 ? point + (abs % factor).toString().padStart(digits, '0') : '';
	return (scaled < 0 ? '-' : '') + whole + frac;
}

export function formatDecimalId(x: number, digits = 2): string {
	return formatDecimal(x, digits, 'id');
}

export type Grade = 'A' | 'A-' | 'B' | 'B-' | 'C' | 'C-' | 'D' | 'E' | 'F';

export interface GradeInfo {
	grade: Grade;
	predikat: string;
}

/** Lower bound of each band in hundredths, best first (docs/rules.md §4.5 table). */
const BANDS: readonly (GradeInfo & { from: number })[] = [
	{ from: 451, grade: 'A', predikat: 'Pelayanan Prima' },
	{ from: 401, grade: 'A-', predikat: 'Sangat Baik' },
	{ from: 351, grade: 'B', predikat: 'Baik' },
	{ from: 301, grade: 'B-', predikat: 'Baik (Dengan Catatan)' },
	{ from: 251, grade: 'C', predikat: 'Cukup' },
	{ from: 201, grade: 'C-', predikat: 'Cukup (Dengan Catatan)' },
	{ from: 151, grade: 'D', predikat: 'Buruk' },
	{ from: 101, grade: 'E', predikat: 'Sangat Buruk' },
	{ from: Number.NEGATIVE_INFINITY, grade: 'F', predikat: 'Gagal' }
];

/** Grades best first. */
export const GRADES: readonly Grade[] = BANDS.map((b) => b.grade);

/** Grade of an IPP, taken from its two-decimal value (docs/rules.md §4.5). */
export function gradeOf(ipp: number): GradeInfo {
	const cents = scaledHalfUp(ipp, 2);
	// A plain loop: results call this once per unit, tens of thousands of times.
	let band = BANDS[BANDS.length - 1];
	for (const b of BANDS) {
		if (cents >= b.from) {
			band = b;
			break;
		}
	}
	return { grade: band.grade, predikat: band.predikat };
}

export function predikatOf(grade: Grade): string {
	return (BANDS.find((b) => b.grade === grade) as GradeInfo).predikat;
}

/** True when `grade` is `minimum` or better (docs/rules.md §4.8, minimum grade for awards). */
export function isGradeAtLeast(grade: Grade, minimum: Grade): boolean {
	return GRADES.indexOf(grade) <= GRADES.indexOf(minimum);
}
