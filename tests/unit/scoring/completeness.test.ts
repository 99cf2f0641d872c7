import { describe, expect, it } from 'vitest';
import { assessCompleteness, sheetCoverage } from '../../../src/lib/domain/scoring/completeness';

const rule = { requiredVisits: 2, requiredAssessors: 2 };

describe('completeness', () => {
	it('counts visits with a sheet and distinct assessors', () => {
		expect(
			sheetCoverage([
				{ visitNo: 1, assessorId: 'ani' },
				{ visitNo: 2, assessorId: 'budi' },
				{ visitNo: 2, assessorId: 'ani' }
			])
		).toEqual({ visits: 2, assessors: 2 });
		expect(sheetCoverage([])).toEqual({ visits: 0, assessors: 0 });
	});

	it('treats the same assessor id as a number or a string as one assessor', () => {
		expect(
			sheetCoverage([
				{ visitNo: 1, assessorId: 7 },
				{ visitNo: 2, assessorId: '7' }
			]).assessors
		).toBe(1);
	});

	it('is complete with two visits by two different assessors', () => {
		expect(assessCompleteness({ visits: 2, assessors: 2 }, rule)).toEqual({
			complete: true,
			lacking: { visits: 0, assessors: 0 }
		});
		expect(assessCompleteness({ visits: 3, assessors: 4 }, rule).complete).toBe(true);
	});

	it('is incomplete when both visits were made by the same assessor', () => {
		const result = assessCompleteness({ visits: 2, assessors: 1 }, rule);
		expect(result).toEqual({ complete: false, lacking: { visits: 0, assessors: 1 } });
	});

	it('is incomplete after one visit even with a team of two assessors', () => {
		const result = assessCompleteness({ visits: 1, assessors: 2 }, rule);
		expect(result).toEqual({ complete: false, lacking: { visits: 1, assessors: 0 } });
	});

	it('says everything a unit without sheets still needs, under the period settings', () => {
		const result = assessCompleteness(
			{ visits: 0, assessors: 0 },
			{ requiredVisits: 3, requiredAssessors: 2 }
		);
		expect(result).toEqual({ complete: false, lacking: { visits: 3, assessors: 2 } });
	});
});
