import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoredIndicators } from '../../../src/lib/domain/instrument/queries';
import { formatDecimalId, gradeOf } from '../../../src/lib/domain/scoring/display';
import type { SheetScores } from '../../../src/lib/domain/scoring/types';
import {
	aspectScoresFromIndicatorMeans,
	ippFromAspects,
	sheetAspectSums
} from '../../../src/lib/domain/scoring/aspect-scores';
import {
	unitAspectScoresFromSheetSums,
	unitIndicatorMeans
} from '../../../src/lib/domain/scoring/unit-scores';
import { loadShipped } from '../instrument/shipped';
import { uniformScores, unitSheetsArb } from './support';

const old = loadShipped('permenpan-17-2017');
const pekppp = loadShipped('pekppp-29-2022');

/** IPP through the path the results service takes: per-sheet aspect sums. */
function ippViaSheetSums(def: typeof old, sheets: readonly SheetScores[]): number {
	const sums = sheets.map((s) => ({ ...s, aspectSums: sheetAspectSums(def, s.scores) }));
	return ippFromAspects(def.aspects, unitAspectScoresFromSheetSums(sums)!);
}

function ippViaMeans(def: typeof old, sheets: readonly SheetScores[]): number {
	return ippFromAspects(def.aspects, aspectScoresFromIndicatorMeans(def, unitIndicatorMeans(sheets)));
}

describe('unit indicator means', () => {
	it('counts each visit equally however many sheets it has', () => {
		const means = unitIndicatorMeans([
			{ visitNo: 1, assessorId: 'ani', scores: { a: 4 } },
			{ visitNo: 2, assessorId: 'budi', scores: { a: 3 } },
			{ visitNo: 2, assessorId: 'citra', scores: { a: 0 } }
		]);
		// (4 + (3 + 0) / 2) / 2, not (4 + 3 + 0) / 3.
		expect(means.a).toBe(2.75);
	});

	it('averages an optional indicator only over the visits that recorded it', () => {
		const means = unitIndicatorMeans([
			{ visitNo: 1, assessorId: 'ani', scores: { a: 4, extra: 2 } },
			{ visitNo: 2, assessorId: 'budi', scores: { a: 5 } }
		]);
		expect(means).toEqual({ a: 4.5, extra: 2 });
	});
});

describe('aspect scores and IPP', () => {
	it('uses the published weights as they are: all 5 gives 4,99 under 17/2017 and 5,00 under 29/2022', () => {
		const oldIpp = ippViaSheetSums(old, [{ visitNo: 1, assessorId: 'a', scores: uniformScores(old, 5) }]);
		expect(oldIpp).toBeCloseTo(4.99085, 9);
		expect(formatDecimalId(oldIpp)).toBe('4,99');
		expect(gradeOf(oldIpp).grade).toBe('A');
		const newIpp = ippViaSheetSums(pekppp, [
			{ visitNo: 1, assessorId: 'a', scores: uniformScores(pekppp, 5) }
		]);
		expect(formatDecimalId(newIpp)).toBe('5,00');
		expect(gradeOf(newIpp).grade).toBe('A');
	});

	it('gives 0,00 and grade F when every score is 0', () => {
		fc.assert(
			fc.property(fc.constantFrom(old, pekppp), fc.integer({ min: 1, max: 4 }), (def, n) => {
				const sheets = Array.from({ length: n }, (_, k) => ({
					visitNo: (k % 2) + 1,
					assessorId: `p${k}`,
					scores: uniformScores(def, 0)
				}));
				const ipp = ippViaSheetSums(def, sheets);
				expect(formatDecimalId(ipp)).toBe('0,00');
				expect(gradeOf(ipp).grade).toBe('F');
			})
		);
	});

	it('gives no score to an aspect of weight 0 and ignores its indicator', () => {
		const scores = { ...uniformScores(pekppp, 3), 'INF.01': 0 };
		const sums = sheetAspectSums(pekppp, scores);
		expect(Object.keys(sums)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI']);
		expect(ippFromAspects(pekppp.aspects, sums)).toBeCloseTo(3, 12);
		// INF.01 is optional on a sheet.
		expect(sheetAspectSums(pekppp, uniformScores(pekppp, 3))).toEqual(sums);
	});

	it('refuses a sheet with a missing or non-integer score of a scored indicator', () => {
		const scores = uniformScores(old, 3);
		delete scores['1.a.K1'];
		expect(() => sheetAspectSums(old, scores)).toThrow(/1\.a\.K1/);
		expect(() => sheetAspectSums(old, { ...uniformScores(old, 3), '2.a.Ak': 2.5 })).toThrow(/2\.a\.Ak/);
		expect(() => sheetAspectSums(old, { ...uniformScores(old, 3), '2.a.Ak': 6 })).toThrow(RangeError);
	});

	it('refuses to compute an IPP when a weighted aspect has no score', () => {
		expect(() => ippFromAspects(old.aspects, { I: 3, II: 3 })).toThrow(/III/);
	});

	it('gives the same aspect scores from per-sheet sums as from per-indicator means', () => {
		for (const def of [old, pekppp]) {
			fc.assert(
				fc.property(unitSheetsArb(def), (sheets) => {
					const fromMeans = aspectScoresFromIndicatorMeans(def, unitIndicatorMeans(sheets));
					const fromSums = unitAspectScoresFromSheetSums(
						sheets.map((s) => ({ ...s, aspectSums: sheetAspectSums(def, s.scores) }))
					)!;
					expect(Object.keys(fromSums)).toEqual(Object.keys(fromMeans));
					for (const code of Object.keys(fromMeans)) {
						expect(Math.abs(fromSums[code] - fromMeans[code])).toBeLessThan(1e-9);
					}
				})
			);
		}
	});

	it('keeps the IPP within 0..5', () => {
		for (const def of [old, pekppp]) {
			fc.assert(
				fc.property(unitSheetsArb(def), (sheets) => {
					const ipp = ippViaSheetSums(def, sheets);
					expect(ipp).toBeGreaterThanOrEqual(0);
					expect(ipp).toBeLessThanOrEqual(5);
				})
			);
		}
	});

	it('never lowers the IPP when one score is raised', () => {
		for (const def of [old, pekppp]) {
			const codes = scoredIndicators(def).map((i) => i.code);
			fc.assert(
				fc.property(
					unitSheetsArb(def),
					fc.nat(),
					fc.constantFrom(...codes),
					fc.integer({ min: 1, max: 5 }),
					(sheets, pick, code, raise) => {
						const k = pick % sheets.length;
						const before = sheets[k].scores[code];
						fc.pre(before < 5);
						const raised = sheets.map((s, i) =>
							i === k ? { ...s, scores: { ...s.scores, [code]: Math.min(5, before + raise) } } : s
						);
						expect(ippViaSheetSums(def, raised)).toBeGreaterThan(ippViaSheetSums(def, sheets));
						expect(ippViaMeans(def, raised)).toBeGreaterThan(ippViaMeans(def, sheets));
					}
				)
			);
		}
	});

	it('returns no aspect scores for a unit without sheets', () => {
		expect(unitAspectScoresFromSheetSums([])).toBeNull();
	});

	it('refuses a sheet that lacks an aspect sum the others have', () => {
		expect(() =>
			unitAspectScoresFromSheetSums([
				{ visitNo: 1, assessorId: 1, aspectSums: { I: 3, II: 3 } },
				{ visitNo: 2, assessorId: 2, aspectSums: { I: 3 } }
			])
		).toThrow(/II/);
	});
});
