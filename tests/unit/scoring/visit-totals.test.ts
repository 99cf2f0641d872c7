import { describe, expect, it } from 'vitest';
import {
	unitAspectScoresFromSheetSums,
	unitAspectScoresFromVisitTotals,
	visitTotalsCoverage,
	visitTotalsOfSheets
} from '../../../src/lib/domain/scoring';

const sheet = (visitNo: number, assessorId: number, I: number, II: number) => ({
	visitNo,
	assessorId,
	aspectSums: { I, II }
});

describe('per-visit totals of submitted sheets (docs/rules.md §4.2)', () => {
	it('counts sheets and distinct assessors per visit and sums each aspect', () => {
		const totals = visitTotalsOfSheets([sheet(1, 7, 3, 4), sheet(2, 8, 2, 2), sheet(1, 8, 5, 1)]);
		expect(totals).toEqual([
			{ visitNo: 1, sheets: 2, assessorIds: [7, 8], aspectSums: { I: 8, II: 5 } },
			{ visitNo: 2, sheets: 1, assessorIds: [8], aspectSums: { I: 2, II: 2 } }
		]);
		expect(visitTotalsCoverage(totals)).toEqual({ visits: 2, assessors: 2 });
	});

	it('gives each visit equal weight: the mean of visit means, not of sheets', () => {
		const totals = visitTotalsOfSheets([sheet(1, 7, 4, 4), sheet(1, 8, 2, 2), sheet(2, 9, 1, 1)]);
		// visit 1 mean 3, visit 2 mean 1: unit 2 (a mean over sheets would give 7/3).
		expect(unitAspectScoresFromVisitTotals(totals, ['I', 'II'])).toEqual({ I: 2, II: 2 });
		expect(unitAspectScoresFromSheetSums([sheet(1, 7, 4, 4), sheet(1, 8, 2, 2), sheet(2, 9, 1, 1)])).toEqual({
			I: 2,
			II: 2
		});
	});

	it('does not depend on the order visits come in', () => {
		const a = visitTotalsOfSheets([sheet(1, 7, 0.1, 0.2), sheet(2, 8, 0.7, 0.3), sheet(3, 9, 0.3, 0.9)]);
		const b = [...a].reverse();
		expect(unitAspectScoresFromVisitTotals(a, ['I', 'II'])).toEqual(
			unitAspectScoresFromVisitTotals(b, ['I', 'II'])
		);
	});

	it('marks an aspect some sheet lacked, and refuses to score it', () => {
		const totals = visitTotalsOfSheets([
			sheet(1, 7, 3, 3),
			{ visitNo: 1, assessorId: 8, aspectSums: { I: 3 } }
		]);
		expect(totals[0].aspectSums).toEqual({ I: 6, II: null });
		expect(() => unitAspectScoresFromVisitTotals(totals, ['I', 'II'])).toThrow(/II/);
	});

	it('reads sums stored under other keys (aspect ids) and names the scores by code', () => {
		const byCode = visitTotalsOfSheets([sheet(2, 7, 0.3, 0.9), sheet(1, 8, 0.7, 0.1)]);
		const byId = byCode.map((t) => ({ ...t, aspectSums: { '11': t.aspectSums.I, '12': t.aspectSums.II } }));
		expect(unitAspectScoresFromVisitTotals(byId, ['I', 'II'], ['11', '12'])).toEqual(
			unitAspectScoresFromVisitTotals(byCode, ['I', 'II'])
		);
		expect(() => unitAspectScoresFromVisitTotals(byId, ['I', 'II'])).toThrow(/I/);
	});

	it('skips a visit without sheets wherever it stands', () => {
		const totals = visitTotalsOfSheets([sheet(1, 7, 4, 4), sheet(2, 8, 2, 2)]);
		const empty = { visitNo: 3, sheets: 0, assessorIds: [], aspectSums: {} };
		expect(unitAspectScoresFromVisitTotals([empty, ...totals], ['I', 'II'])).toEqual({ I: 3, II: 3 });
		expect(unitAspectScoresFromVisitTotals([totals[0], empty, totals[1]], ['I', 'II'])).toEqual({
			I: 3,
			II: 3
		});
	});

	it('has no scores and no coverage without sheets', () => {
		expect(unitAspectScoresFromVisitTotals([], ['I'])).toBeNull();
		expect(visitTotalsCoverage([])).toEqual({ visits: 0, assessors: 0 });
	});
});
