import { describe, expect, it } from 'vitest';
import { scoredIndicators } from '../../../src/lib/domain/instrument/queries';
import { findDisagreements } from '../../../src/lib/domain/scoring/disagreement';
import { computePeriodResults, type UnitResult } from '../../../src/lib/domain/scoring/period-results';
import {
	aspectScoresFromIndicatorMeans,
	sheetAspectSums
} from '../../../src/lib/domain/scoring/aspect-scores';
import { unitIndicatorMeans } from '../../../src/lib/domain/scoring/unit-scores';
import { loadShipped, type ShippedCode } from '../instrument/shipped';
import { loadExample, type Example } from './support';

function resultsOf(example: Example) {
	const def = loadShipped(example.expected.instrument as ShippedCode);
	const { settings } = example.expected;
	const results = computePeriodResults({
		instrument: def,
		settings: {
			requiredVisits: settings.visits,
			requiredAssessors: settings.assessors,
			awardsPerCategory: settings.awards,
			awardMinGrade: null
		},
		units: example.units.map((u) => ({
			...u,
			sheets: u.sheets.map((s) => ({ ...s, aspectSums: sheetAspectSums(def, s.scores) }))
		}))
	});
	const flat = new Map<string, UnitResult & { category: string }>();
	for (const c of results.categories) for (const u of c.units) flat.set(u.code, { ...u, category: c.name });
	return { def, results, flat };
}

function expectMatchesExpected(example: Example) {
	const { def, flat } = resultsOf(example);
	expect(flat.size).toBe(example.expected.units.length);
	for (const exp of example.expected.units) {
		const got = flat.get(exp.code)!;
		expect(got, exp.code).toBeDefined();
		expect(got.category).toBe(exp.category);
		expect(Math.abs(got.ipp! - exp.ipp), `${exp.code} ipp`).toBeLessThan(1e-9);
		expect(got.ipp_display).toBe(exp.ipp_display);
		expect(got.grade).toBe(exp.grade);
		expect(got.complete).toBe(exp.complete);
		expect(got.rank).toBe(exp.rank);
		expect(got.award).toBe(exp.award);
		expect(Object.keys(got.aspects!)).toEqual(Object.keys(exp.aspects));
		for (const [code, value] of Object.entries(exp.aspects)) {
			expect(Math.abs(got.aspects![code] - value), `${exp.code} aspect ${code}`).toBeLessThan(1e-9);
		}
		// The per-indicator path of docs/rules.md §4.2-§4.3 lands on the same aspect scores.
		const unit = example.units.find((u) => u.code === exp.code)!;
		const viaMeans = aspectScoresFromIndicatorMeans(def, unitIndicatorMeans(unit.sheets));
		for (const [code, value] of Object.entries(exp.aspects)) {
			expect(Math.abs(viaMeans[code] - value)).toBeLessThan(1e-9);
		}
	}
}

describe('worked example (17/2017)', () => {
	const example = loadExample('examples');

	it('reproduces expected.json: IPP, display, grade, completeness, rank, award and aspects', () => {
		expectMatchesExpected(example);
	});

	it('lists the tied Puskesmas by name with a shared rank, then PKM-C at rank 3', () => {
		const { results } = resultsOf(example);
		expect(results.categories.map((c) => c.name)).toEqual(['Kelurahan', 'Puskesmas']);
		const puskesmas = results.categories[1];
		expect(puskesmas.units.map((u) => [u.code, u.rank, u.rank_reason])).toEqual([
			['PKM-A', 1, { rule: 'first' }],
			['PKM-B', 1, { rule: 'tie' }],
			['PKM-C', 3, { rule: 'ipp' }]
		]);
		expect(puskesmas).toMatchObject({
			count: 3,
			incomplete: 0,
			median_ipp: expect.closeTo(4.491765, 9),
			min_ipp: expect.closeTo(3.3233025, 9),
			max_ipp: expect.closeTo(4.491765, 9)
		});
		expect(puskesmas.mean_ipp!).toBeCloseTo((2 * 4.491765 + 3.3233025) / 3, 9);
		expect(puskesmas.grade_counts).toMatchObject({ 'A-': 2, 'B-': 1 });
	});

	it('lists KEL-A apart as provisional, lacking a visit and a second assessor', () => {
		const { results } = resultsOf(example);
		const kelurahan = results.categories[0];
		expect(kelurahan.units.map((u) => u.code)).toEqual(['KEL-B', 'KEL-A']);
		expect(kelurahan).toMatchObject({ count: 1, incomplete: 1, mean_ipp: kelurahan.units[0].ipp });
		expect(kelurahan.units[1]).toMatchObject({
			complete: false,
			rank: null,
			award: null,
			rank_reason: null,
			visits: 1,
			assessors: 1,
			lacking: { visits: 1, assessors: 1 },
			ipp_display: '4,99'
		});
	});

	it("flags only PKM-C's Inovasi, scored 3 and 0", () => {
		const def = loadShipped('permenpan-17-2017');
		const sheets = example.units.flatMap((u) => u.sheets.map((s) => ({ ...s, unitCode: u.code })));
		const flags = findDisagreements(sheets, {
			indicators: scoredIndicators(def).map((i) => i.code)
		});
		expect(flags.map((f) => [f.unitCode, f.indicatorCode, f.min, f.max])).toEqual([['PKM-C', '6', 0, 3]]);
	});
});

describe('worked example (29/2022)', () => {
	const example = loadExample('examples/pekppp');

	it('reproduces expected.json, with no score for the weight-0 aspect VII', () => {
		expectMatchesExpected(example);
	});

	it('awards both OPD units and leaves the Kecamatan unranked', () => {
		const { results } = resultsOf(example);
		expect(results.categories.map((c) => [c.name, c.count, c.incomplete])).toEqual([
			['Kecamatan', 0, 1],
			['OPD', 2, 0]
		]);
		expect(results.categories[1].units.map((u) => [u.code, u.award, u.rank_reason])).toEqual([
			['DKP-A', 'Terbaik I', { rule: 'first' }],
			['PTSP-B', 'Terbaik II', { rule: 'ipp' }]
		]);
		expect(results.categories[0].units[0].lacking).toEqual({ visits: 1, assessors: 1 });
	});
});
