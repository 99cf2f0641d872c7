import { describe, expect, it } from 'vitest';
import {
	cumulativeByDay,
	incompleteUnits,
	progressByAssessor,
	progressByCategory,
	withBaselineDay,
	type Assignment
} from '../../../src/lib/domain/progress/progress';
import { addDays } from '../../../src/lib/domain/dates';

const a = (over: Partial<Assignment>): Assignment => ({
	visitId: 1,
	unitId: 1,
	category: 'Kelurahan',
	plannedOn: '2027-01-10',
	assessorId: 7,
	assessorName: 'Ratna',
	submitted: false,
	...over
});

describe('period progress', () => {
	it('counts planned, done and overdue per category and per assessor', () => {
		const items = [
			a({ submitted: true }),
			a({ plannedOn: '2027-01-05' }),
			a({ plannedOn: '2027-02-01', category: 'OPD', assessorId: 8, assessorName: 'Agus' })
		];
		expect(progressByCategory(items, '2027-01-20')).toEqual([
			{ label: 'Kelurahan', planned: 2, done: 1, overdue: 1 },
			{ label: 'OPD', planned: 1, done: 0, overdue: 0 }
		]);
		expect(progressByAssessor(items, '2027-01-20').map((r) => r.label)).toEqual(['Ratna', 'Agus']);
	});

	it('says what an incomplete unit lacks', () => {
		const units = [
			{ unitId: 1, code: 'A', name: 'A', category: 'K', sheets: [{ visitNo: 1, assessorId: 7 }] },
			{
				unitId: 2,
				code: 'B',
				name: 'B',
				category: 'K',
				sheets: [
					{ visitNo: 1, assessorId: 7 },
					{ visitNo: 2, assessorId: 8 }
				]
			}
		];
		expect(incompleteUnits(units, { requiredVisits: 2, requiredAssessors: 2 })).toEqual([
			{
				code: 'A',
				name: 'A',
				category: 'K',
				lack: { visits: 1, assessors: 1 }
			}
		]);
	});

	it('accumulates submitted sheets day by day', () => {
		expect(
			cumulativeByDay(['2027-01-02', '2027-01-02', '2027-01-04'], '2027-01-01', '2027-01-04', (d) =>
				addDays(d, 1)
			)
		).toEqual([
			{ day: '2027-01-01', total: 0 },
			{ day: '2027-01-02', total: 2 },
			{ day: '2027-01-03', total: 2 },
			{ day: '2027-01-04', total: 3 }
		]);
	});

	it('draws sheets all submitted on one day from a zero the day before', () => {
		const curve = cumulativeByDay(['2027-01-04', '2027-01-04'], '2027-01-04', '2027-01-04', (d) =>
			addDays(d, 1)
		);
		expect(withBaselineDay(curve, (d) => addDays(d, -1))).toEqual([
			{ day: '2027-01-03', total: 0 },
			{ day: '2027-01-04', total: 2 }
		]);
		const longer = [
			{ day: '2027-01-03', total: 0 },
			{ day: '2027-01-04', total: 1 }
		];
		expect(withBaselineDay(longer, (d) => addDays(d, -1))).toBe(longer);
	});
});
