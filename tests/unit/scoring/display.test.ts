import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	GRADES,
	formatDecimalId,
	gradeOf,
	isGradeAtLeast,
	round9,
	roundHalfUp2,
	type Grade
} from '../../../src/lib/domain/scoring/display';

describe('roundHalfUp2', () => {
	it('rounds 4.505 up to 4.51 although the double is just below 4.505', () => {
		// The binary noise the 9-decimal step removes: naive rounding gets these wrong.
		expect((4.505).toFixed(2)).toBe('4.50');
		expect(1.005 * 100).toBeLessThan(100.5);
		expect(roundHalfUp2(4.505)).toBe(4.51);
		expect(roundHalfUp2(1.005)).toBe(1.01);
		expect(roundHalfUp2(2.675)).toBe(2.68);
	});

	it('rounds below the half down and keeps exact two-decimal values', () => {
		expect(roundHalfUp2(4.504999)).toBe(4.5);
		expect(roundHalfUp2(4.491765)).toBe(4.49);
		expect(roundHalfUp2(3.3233025)).toBe(3.32);
		expect(roundHalfUp2(0)).toBe(0);
		expect(roundHalfUp2(5)).toBe(5);
	});

	it('treats a value within 1e-9 below the half as the half (docs/rules.md §4.5: 9 decimals first)', () => {
		expect(roundHalfUp2(4.5049999999)).toBe(4.51);
		expect(roundHalfUp2(4.504999998)).toBe(4.5);
	});

	it('agrees with exact decimal half-up on every value with three decimals', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 500_000 }), (thousandths) => {
				const x = thousandths / 1000;
				const expected = Math.floor((thousandths + 5) / 10) / 100;
				expect(roundHalfUp2(x)).toBe(expected);
			})
		);
	});

	it('rounds to nine decimals to remove binary noise', () => {
		expect(0.1 + 0.2).not.toBe(0.3);
		expect(round9(0.1 + 0.2)).toBe(0.3);
		expect(round9(2.9999999999)).toBe(3);
		expect(round9(3.0000000004)).toBe(3);
		expect(round9(3.000000001)).toBe(3.000000001);
	});
});

describe('formatDecimalId', () => {
	it('writes a decimal comma and two decimals', () => {
		expect(formatDecimalId(4.505)).toBe('4,51');
		expect(formatDecimalId(3.68)).toBe('3,68');
		expect(formatDecimalId(4.5)).toBe('4,50');
		expect(formatDecimalId(0)).toBe('0,00');
		expect(formatDecimalId(2.9949999)).toBe('2,99');
	});

	it('groups thousands with dots', () => {
		expect(formatDecimalId(1234.5)).toBe('1.234,50');
		expect(formatDecimalId(1234567.891)).toBe('1.234.567,89');
		expect(formatDecimalId(86.964)).toBe('86,96');
		expect(formatDecimalId(999.995)).toBe('1.000,00');
	});

	it('honours the number of digits, including none', () => {
		expect(formatDecimalId(1234, 0)).toBe('1.234');
		expect(formatDecimalId(0.9995, 3)).toBe('1,000');
		expect(formatDecimalId(80.1149, 1)).toBe('80,1');
		expect(formatDecimalId(3.2044, 4)).toBe('3,2044');
	});

	it('writes negatives with a minus and never shows -0', () => {
		expect(formatDecimalId(-0.5)).toBe('-0,50');
		expect(formatDecimalId(-1234.5)).toBe('-1.234,50');
		expect(formatDecimalId(-0.001)).toBe('0,00');
	});

	it('rejects non-finite numbers', () => {
		expect(() => formatDecimalId(Number.NaN)).toThrow(RangeError);
		expect(() => roundHalfUp2(Number.POSITIVE_INFINITY)).toThrow(RangeError);
	});
});

describe('gradeOf', () => {
	// Each boundary of the spec table: the lowest value of a band and the highest of the next one.
	const edges: [number, Grade, string][] = [
		[5.0, 'A', 'Pelayanan Prima'],
		[4.51, 'A', 'Pelayanan Prima'],
		[4.5, 'A-', 'Sangat Baik'],
		[4.01, 'A-', 'Sangat Baik'],
		[4.0, 'B', 'Baik'],
		[3.51, 'B', 'Baik'],
		[3.5, 'B-', 'Baik (Dengan Catatan)'],
		[3.01, 'B-', 'Baik (Dengan Catatan)'],
		[3.0, 'C', 'Cukup'],
		[2.51, 'C', 'Cukup'],
		[2.5, 'C-', 'Cukup (Dengan Catatan)'],
		[2.01, 'C-', 'Cukup (Dengan Catatan)'],
		[2.0, 'D', 'Buruk'],
		[1.51, 'D', 'Buruk'],
		[1.5, 'E', 'Sangat Buruk'],
		[1.01, 'E', 'Sangat Buruk'],
		[1.0, 'F', 'Gagal'],
		[0.0, 'F', 'Gagal']
	];

	it.each(edges)('grades %s as %s (%s)', (ipp, grade, predikat) => {
		expect(gradeOf(ipp)).toEqual({ grade, predikat });
	});

	it('grades from the two-decimal value, so 4.505 is A and 4.504999 is A-', () => {
		expect(gradeOf(4.505).grade).toBe('A');
		expect(gradeOf(4.5049999999).grade).toBe('A');
		expect(gradeOf(4.504999).grade).toBe('A-');
		expect(gradeOf(1.005).grade).toBe('E');
		expect(gradeOf(1.00499).grade).toBe('F');
		expect(gradeOf(2.99451).grade).toBe('C');
	});

	it('never gives a better grade to a lower IPP', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 0, max: 5, noNaN: true }),
				fc.double({ min: 0, max: 5, noNaN: true }),
				(a, b) => {
					const [lo, hi] = a <= b ? [a, b] : [b, a];
					expect(GRADES.indexOf(gradeOf(hi).grade)).toBeLessThanOrEqual(GRADES.indexOf(gradeOf(lo).grade));
				}
			)
		);
	});

	it('compares grades for a minimum grade', () => {
		expect(isGradeAtLeast('A', 'B')).toBe(true);
		expect(isGradeAtLeast('B', 'B')).toBe(true);
		expect(isGradeAtLeast('B-', 'B')).toBe(false);
		expect(isGradeAtLeast('F', 'E')).toBe(false);
	});
});
