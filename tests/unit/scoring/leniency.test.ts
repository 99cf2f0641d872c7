import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assessorLeniency, leniencyTally } from '../../../src/lib/domain/scoring/leniency';

const sheet = (
	unitCode: string,
	visitNo: number,
	assessorId: string | number,
	scores: Record<string, number>
) => ({
	unitCode,
	visitNo,
	assessorId,
	scores
});

describe('assessorLeniency', () => {
	it('is positive for an assessor who scores above the others and negative for one below', () => {
		const result = assessorLeniency([
			sheet('U1', 1, 'murah', { a: 5, b: 4 }),
			sheet('U1', 2, 'pelit', { a: 3, b: 2 }),
			sheet('U2', 1, 'murah', { a: 4 }),
			sheet('U2', 2, 'pelit', { a: 3 })
		]);
		expect(result).toEqual([
			{ assessorId: 'murah', meanDeviation: (2 + 2 + 1) / 3, count: 3 },
			{ assessorId: 'pelit', meanDeviation: -(2 + 2 + 1) / 3, count: 3 }
		]);
	});

	it('compares with the mean of every other sheet of the same unit and indicator', () => {
		const [ani] = assessorLeniency([
			sheet('U1', 1, 'ani', { a: 4 }),
			sheet('U1', 2, 'budi', { a: 2 }),
			sheet('U1', 2, 'citra', { a: 3 })
		]);
		expect(ani).toEqual({ assessorId: 'ani', meanDeviation: 4 - 2.5, count: 1 });
	});

	it('skips pairs without another assessor and reports no mean when nothing is left', () => {
		const result = assessorLeniency([
			sheet('U1', 1, 'ani', { a: 4, b: 1 }),
			sheet('U1', 2, 'budi', { a: 2 }),
			sheet('U2', 1, 'citra', { a: 5 })
		]);
		expect(result).toEqual([
			{ assessorId: 'ani', meanDeviation: 2, count: 1 },
			{ assessorId: 'budi', meanDeviation: -2, count: 1 },
			{ assessorId: 'citra', meanDeviation: null, count: 0 }
		]);
	});

	it("does not count an assessor's own other sheet as another sheet", () => {
		const result = assessorLeniency([
			sheet('U1', 1, 'ani', { a: 5 }),
			sheet('U1', 2, 'ani', { a: 3 }),
			sheet('U1', 2, 'budi', { a: 2 })
		]);
		// ani's score on the pair is (5 + 3) / 2 = 4, against budi's 2.
		expect(result).toEqual([
			{ assessorId: 'ani', meanDeviation: 2, count: 1 },
			{ assessorId: 'budi', meanDeviation: -2, count: 1 }
		]);
	});

	it('can leave recorded-only indicators out', () => {
		const result = assessorLeniency(
			[sheet('U1', 1, 1, { a: 3, 'INF.01': 5 }), sheet('U1', 2, 2, { a: 3, 'INF.01': 0 })],
			{ indicators: ['a'] }
		);
		expect(result).toEqual([
			{ assessorId: 1, meanDeviation: 0, count: 1 },
			{ assessorId: 2, meanDeviation: 0, count: 1 }
		]);
	});
});

describe('leniencyTally', () => {
	// The review of a national period adds its units a slice at a time (docs/rules.md §4.11).
	const sheets = fc.array(
		fc.record({
			unitCode: fc.constantFrom('U1', 'U2', 'U3', 'U4', 'U5'),
			visitNo: fc.integer({ min: 1, max: 3 }),
			assessorId: fc.constantFrom('ani', 'budi', 'citra', 'dewi'),
			scores: fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 5 }))
		}),
		{ maxLength: 40 }
	);

	it('gives what all sheets at once give, when each unit’s sheets come together', () => {
		fc.assert(
			fc.property(sheets, fc.integer({ min: 1, max: 5 }), (all, perAdd) => {
				const byUnit = new Map<string, typeof all>();
				for (const s of all) byUnit.set(s.unitCode, [...(byUnit.get(s.unitCode) ?? []), s]);
				const units = [...byUnit.values()];
				const tally = leniencyTally();
				for (let i = 0; i < units.length; i += perAdd) tally.add(units.slice(i, i + perAdd).flat());
				const whole = assessorLeniency(all);
				const sliced = tally.result();
				expect(sliced.map((l) => [l.assessorId, l.count])).toEqual(whole.map((l) => [l.assessorId, l.count]));
				sliced.forEach((l, n) =>
					l.meanDeviation === null
						? expect(whole[n].meanDeviation).toBeNull()
						: expect(l.meanDeviation).toBeCloseTo(whole[n].meanDeviation!, 9)
				);
			})
		);
	});
});
