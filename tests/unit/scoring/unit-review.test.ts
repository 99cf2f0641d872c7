import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assessorLeniency, leniencyTally } from '../../../src/lib/domain/scoring/leniency';
import { findDisagreements } from '../../../src/lib/domain/scoring/disagreement';
import { unitReviewFigure } from '../../../src/lib/domain/scoring/unit-review';

// A unit's figure is what the review keeps of it (docs/rules.md §4.10–4.11): its widest spread
// and each assessor's part of the leniency.

const sheet = (visitNo: number, assessorId: string, scores: Record<string, number>) => ({
	unitCode: 'U1',
	visitNo,
	assessorId,
	scores
});

describe('unitReviewFigure', () => {
	it('keeps the widest spread and each assessor’s sum of deviations', () => {
		const figure = unitReviewFigure([
			sheet(1, 'ani', { a: 5, b: 2, c: 1 }),
			sheet(2, 'budi', { a: 3, b: 2 }),
			sheet(2, 'citra', { a: 4 })
		]);
		expect(figure.maxSpread).toBe(2);
		expect(figure.leniency).toEqual([
			{ assessorId: 'ani', sum: 5 - 3.5 + (2 - 2), count: 2 },
			{ assessorId: 'budi', sum: 3 - 4.5 + (2 - 2), count: 2 },
			{ assessorId: 'citra', sum: 4 - 4, count: 1 }
		]);
	});

	it('has no spread with one sheet, and leaves out indicators not asked for', () => {
		expect(unitReviewFigure([sheet(1, 'ani', { a: 5 })])).toEqual({
			maxSpread: null,
			leniency: [{ assessorId: 'ani', sum: 0, count: 0 }]
		});
		expect(
			unitReviewFigure([sheet(1, 'ani', { a: 5, b: 1 }), sheet(2, 'budi', { a: 5, b: 4 })], ['a']).maxSpread
		).toBe(0);
	});

	const units = fc.array(
		fc.array(
			fc.record({
				visitNo: fc.integer({ min: 1, max: 3 }),
				assessorId: fc.constantFrom('ani', 'budi', 'citra'),
				scores: fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 5 }))
			}),
			{ maxLength: 6 }
		),
		{ maxLength: 8 }
	);
	const withCodes = (all: { visitNo: number; assessorId: string; scores: Record<string, number> }[][]) =>
		all.map((sheets, u) => sheets.map((s) => ({ ...s, unitCode: `U${u}` })));

	it('adds up, unit by unit, to the leniency of all sheets, to the last bit', () => {
		fc.assert(
			fc.property(units, (all) => {
				const tally = leniencyTally();
				for (const unit of withCodes(all)) tally.addUnit(unitReviewFigure(unit).leniency);
				expect(tally.result()).toEqual(assessorLeniency(withCodes(all).flat()));
			})
		);
	});

	it('flags a unit only when its widest spread reaches the threshold', () => {
		fc.assert(
			fc.property(units, fc.integer({ min: 1, max: 5 }), (all, threshold) => {
				for (const unit of withCodes(all)) {
					const { maxSpread } = unitReviewFigure(unit);
					const flagged = findDisagreements(unit, { threshold }).length > 0;
					expect(flagged).toBe(maxSpread !== null && maxSpread >= threshold);
				}
			})
		);
	});
});
