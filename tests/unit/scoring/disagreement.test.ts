import { describe, expect, it } from 'vitest';
import { findDisagreements } from '../../../src/lib/domain/scoring/disagreement';

const sheet = (unitCode: string, visitNo: number, assessorId: string, scores: Record<string, number>) => ({
	unitCode,
	visitNo,
	assessorId,
	scores
});

const sheets = [
	sheet('PKM-A', 1, 'ani', { a: 4, b: 3, c: 5, x: 0 }),
	sheet('PKM-A', 2, 'budi', { a: 2, b: 4, c: 5 }),
	sheet('PKM-A', 2, 'citra', { a: 3, b: 4, c: 2, x: 5 }),
	sheet('PKM-B', 1, 'ani', { a: 0, b: 1, c: 1 })
];

describe('findDisagreements', () => {
	it('flags a spread of exactly 2 by default, with every score', () => {
		const flags = findDisagreements(sheets);
		expect(flags.map((f) => [f.unitCode, f.indicatorCode, f.spread])).toEqual([
			['PKM-A', 'a', 2],
			['PKM-A', 'c', 3],
			['PKM-A', 'x', 5]
		]);
		expect(flags[0]).toEqual({
			unitCode: 'PKM-A',
			indicatorCode: 'a',
			min: 2,
			max: 4,
			spread: 2,
			scores: [
				{ visitNo: 1, assessorId: 'ani', score: 4 },
				{ visitNo: 2, assessorId: 'budi', score: 2 },
				{ visitNo: 2, assessorId: 'citra', score: 3 }
			]
		});
	});

	it('does not flag a spread of 1 nor a unit with a single sheet', () => {
		const flags = findDisagreements(sheets);
		expect(flags.some((f) => f.indicatorCode === 'b')).toBe(false);
		expect(flags.some((f) => f.unitCode === 'PKM-B')).toBe(false);
	});

	it('uses a configured threshold', () => {
		expect(findDisagreements(sheets, { threshold: 3 }).map((f) => f.indicatorCode)).toEqual(['c', 'x']);
		expect(findDisagreements(sheets, { threshold: 1 }).map((f) => f.indicatorCode)).toEqual([
			'a',
			'b',
			'c',
			'x'
		]);
		expect(() => findDisagreements(sheets, { threshold: 0 })).toThrow(RangeError);
	});

	it('checks only the given indicators, in the given order', () => {
		expect(findDisagreements(sheets, { indicators: ['c', 'a'] }).map((f) => f.indicatorCode)).toEqual([
			'c',
			'a'
		]);
	});
});
