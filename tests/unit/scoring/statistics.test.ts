import { describe, expect, it } from 'vitest';
import { mean, median, summarizeCategory } from '../../../src/lib/domain/scoring/statistics';

const unit = (ipp: number, complete = true) => ({
	complete,
	ipp,
	aspects: { I: ipp, II: ipp - 1 }
});

describe('category statistics', () => {
	it('takes the middle value of an odd count and the mean of the two middle ones of an even count', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([10, 9, 100, 1])).toBe(9.5);
		expect(median([])).toBeNull();
	});

	it('gives the same mean in any order of the units, to the last bit', () => {
		expect(0.1 + 0.2 + 0.3).not.toBe(0.3 + 0.2 + 0.1);
		expect(mean([0.1, 0.2, 0.3])).toBe(mean([0.3, 0.2, 0.1]));
		expect(mean([])).toBeNull();
	});

	it('summarises complete units and counts incomplete ones apart', () => {
		const stats = summarizeCategory(
			[unit(4.08), unit(4.05), unit(2.0), unit(4.9, false), { complete: false, ipp: null, aspects: null }],
			['I', 'II']
		);
		expect(stats.count).toBe(3);
		expect(stats.incomplete).toBe(2);
		expect(stats.mean).toBeCloseTo((4.08 + 4.05 + 2.0) / 3, 12);
		expect(stats.median).toBe(4.05);
		expect(stats.min).toBe(2.0);
		expect(stats.max).toBe(4.08);
		expect(stats.aspectMeans!.I).toBeCloseTo((4.08 + 4.05 + 2.0) / 3, 12);
		expect(stats.aspectMeans!.II).toBeCloseTo((3.08 + 3.05 + 1.0) / 3, 12);
		expect(stats.gradeCounts).toEqual({
			A: 0,
			'A-': 2,
			B: 0,
			'B-': 0,
			C: 0,
			'C-': 0,
			D: 1,
			E: 0,
			F: 0
		});
	});

	it('reports no figures for a category without complete units', () => {
		const stats = summarizeCategory([unit(3, false)], ['I']);
		expect(stats).toMatchObject({
			count: 0,
			incomplete: 1,
			mean: null,
			median: null,
			min: null,
			max: null,
			aspectMeans: null
		});
	});
});
