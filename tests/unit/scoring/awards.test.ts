import { describe, expect, it } from 'vitest';
import {
	awardFor,
	awardLabel,
	awardsWithheldReason,
	toRoman,
	withheldReasonNumbers
} from '../../../src/lib/domain/scoring/awards';
import type { Grade } from '../../../src/lib/domain/scoring/display';

function awards(ranks: number[], n: number, minGrade: Grade | null = null, grades?: Grade[]) {
	return ranks.map((rank, i) => awardFor(rank, grades?.[i] ?? 'A', { awardsPerCategory: n, minGrade }));
}

describe('awards', () => {
	it('labels ranks with Roman numerals', () => {
		expect([1, 2, 3, 4, 5, 9, 12, 40, 90, 1994].map(toRoman)).toEqual([
			'I',
			'II',
			'III',
			'IV',
			'V',
			'IX',
			'XII',
			'XL',
			'XC',
			'MCMXCIV'
		]);
		expect(awardLabel(2)).toBe('Terbaik II');
		expect(() => toRoman(0)).toThrow(RangeError);
	});

	it('awards the top two by default', () => {
		expect(awards([1, 2, 3], 2)).toEqual(['Terbaik I', 'Terbaik II', null]);
		expect(awardFor(1, 'F')).toBe('Terbaik I');
		expect(awardFor(3, 'A')).toBeNull();
	});

	it('awards every unit sharing the rank at the cut-off', () => {
		expect(awards([1, 2, 2, 4], 2)).toEqual(['Terbaik I', 'Terbaik II', 'Terbaik II', null]);
	});

	it('gives two units tied first "Terbaik I" and the next one "Terbaik III" only when N reaches 3', () => {
		expect(awards([1, 1, 3], 2)).toEqual(['Terbaik I', 'Terbaik I', null]);
		expect(awards([1, 1, 3], 3)).toEqual(['Terbaik I', 'Terbaik I', 'Terbaik III']);
	});

	it('awards nobody below the minimum grade', () => {
		expect(awards([1, 2], 2, 'B', ['B', 'B-'])).toEqual(['Terbaik I', null]);
		expect(awards([1, 2], 2, 'A-', ['B', 'B-'])).toEqual([null, null]);
		expect(awards([1, 2], 0)).toEqual([null, null]);
	});
});

describe('a withheld award', () => {
	it('gives back the numbers of the reason it wrote, so a page can say it in any language', () => {
		expect(withheldReasonNumbers(awardsWithheldReason(2, 3, 3)!)).toEqual({ ranked: 2, minRanked: 3 });
		expect(withheldReasonNumbers(awardsWithheldReason(0, 5, 3)!)).toEqual({ ranked: 0, minRanked: 5 });
		expect(withheldReasonNumbers('Keputusan tim penilai.')).toBeNull();
	});
});
