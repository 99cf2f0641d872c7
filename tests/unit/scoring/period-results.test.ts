import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { round9 } from '../../../src/lib/domain/scoring/display';
import {
	DEFAULT_PERIOD_SETTINGS,
	computePeriodResults,
	type PeriodResults,
	type PeriodSettings,
	type PeriodUnitInput
} from '../../../src/lib/domain/scoring/period-results';
import type { SheetAspectSums } from '../../../src/lib/domain/scoring/types';
import { sheetAspectSums } from '../../../src/lib/domain/scoring/aspect-scores';
import { loadShipped } from '../instrument/shipped';
import { uniformScores, unitSheetsArb } from './support';

const old = loadShipped('permenpan-17-2017');
const pekppp = loadShipped('pekppp-29-2022');
const aspects6 = old.aspects.map((a) => ({ code: a.code, weight: a.weight }));

/** A sheet whose aspects all equal `x` (sums as the results service stores them). */
const flatSheet = (visitNo: number, assessorId: string | number, x: number): SheetAspectSums => ({
	visitNo,
	assessorId,
	aspectSums: { I: x, II: x, III: x, IV: x, V: x, VI: x }
});
const twoVisits = (x: number) => [flatSheet(1, 'ani', x), flatSheet(2, 'budi', x)];

function run(units: PeriodUnitInput[], settings: Partial<PeriodSettings> = {}): PeriodResults {
	return computePeriodResults({
		instrument: { aspects: aspects6 },
		settings: { ...DEFAULT_PERIOD_SETTINGS, ...settings },
		units
	});
}

describe('computePeriodResults', () => {
	it('sorts categories by name and puts incomplete units after the ranked ones, by name', () => {
		const results = run([
			{
				code: 'P2',
				name: 'Puskesmas Utara',
				category: 'Puskesmas',
				sheets: [flatSheet(1, 'a', 4)]
			},
			{ code: 'P1', name: 'Puskesmas Barat', category: 'Puskesmas', sheets: [] },
			{ code: 'P3', name: 'Puskesmas Selatan', category: 'Puskesmas', sheets: twoVisits(2) },
			{ code: 'K1', name: 'Kelurahan Mrican', category: 'Kelurahan', sheets: twoVisits(3) },
			{ code: 'O1', name: 'RSUD Gambiran', category: 'OPD', sheets: twoVisits(4) }
		]);
		expect(results.categories.map((c) => c.name)).toEqual(['Kelurahan', 'OPD', 'Puskesmas']);
		expect(results.categories[2].units.map((u) => [u.code, u.rank])).toEqual([
			['P3', 1],
			['P1', null],
			['P2', null]
		]);
	});

	it('gives a unit without sheets null scores and says what it lacks', () => {
		const [category] = run([{ code: 'X', name: 'X', category: 'OPD', sheets: [] }]).categories;
		expect(category.units[0]).toEqual({
			code: 'X',
			name: 'X',
			ipp: null,
			ipp_display: null,
			grade: null,
			predikat: null,
			rank: null,
			complete: false,
			award: null,
			aspects: null,
			visits: 0,
			assessors: 0,
			rank_reason: null,
			lacking: { visits: 2, assessors: 2 }
		});
		expect(category).toMatchObject({
			count: 0,
			incomplete: 1,
			mean_ipp: null,
			median_ipp: null,
			aspect_means: null
		});
	});

	it('keeps a provisional IPP for an incomplete unit but never ranks or awards it', () => {
		const [category] = run([
			{
				code: 'A',
				name: 'A',
				category: 'OPD',
				sheets: [flatSheet(1, 'ani', 5), flatSheet(2, 'ani', 5)]
			},
			{ code: 'B', name: 'B', category: 'OPD', sheets: twoVisits(1) }
		]).categories;
		expect(category.units.map((u) => [u.code, u.rank, u.award, u.ipp_display, u.lacking])).toEqual([
			['B', 1, 'Terbaik I', '1,00', null],
			['A', null, null, '5,00', { visits: 0, assessors: 1 }]
		]);
		expect(category.mean_ipp).toBe(category.units[0].ipp);
	});

	it('follows the period settings for required visits, assessors, award count and minimum grade', () => {
		const units = [3.6, 3.2, 2.9].map((x, i) => ({
			code: `U${i}`,
			name: `Unit ${i}`,
			category: 'OPD',
			sheets: twoVisits(x)
		}));
		const awards = (s: Partial<PeriodSettings>) => run(units, s).categories[0].units.map((u) => u.award);
		expect(awards({})).toEqual(['Terbaik I', 'Terbaik II', null]);
		expect(awards({ awardsPerCategory: 3 })).toEqual(['Terbaik I', 'Terbaik II', 'Terbaik III']);
		expect(awards({ awardsPerCategory: 3, awardMinGrade: 'B-' })).toEqual(['Terbaik I', 'Terbaik II', null]);
		expect(awards({ awardMinGrade: 'A' })).toEqual([null, null, null]);
		expect(run(units, { requiredVisits: 3 }).categories[0].units.every((u) => !u.complete)).toBe(true);
		expect(run(units, { requiredAssessors: 1 }).categories[0].count).toBe(3);
		expect(() => run(units, { requiredVisits: 0 })).toThrow(RangeError);
		expect(() => run(units, { awardsPerCategory: -1 })).toThrow(RangeError);
	});

	it('awards all units sharing the rank at the cut-off', () => {
		const [category] = run([
			{ code: 'A', name: 'A', category: 'OPD', sheets: twoVisits(4) },
			{ code: 'C', name: 'C', category: 'OPD', sheets: twoVisits(3) },
			{ code: 'B', name: 'B', category: 'OPD', sheets: twoVisits(3) },
			{ code: 'D', name: 'D', category: 'OPD', sheets: twoVisits(2) }
		]).categories;
		expect(category.units.map((u) => [u.code, u.rank, u.award])).toEqual([
			['A', 1, 'Terbaik I'],
			['B', 2, 'Terbaik II'],
			['C', 2, 'Terbaik II'],
			['D', 4, null]
		]);
	});

	it('shows only aspects of weight above 0', () => {
		const sheet = (visitNo: number, who: string) => ({
			visitNo,
			assessorId: who,
			aspectSums: sheetAspectSums(pekppp, { ...uniformScores(pekppp, 4), 'INF.01': 1 })
		});
		const [category] = computePeriodResults({
			instrument: pekppp,
			settings: DEFAULT_PERIOD_SETTINGS,
			units: [{ code: 'A', name: 'A', category: 'OPD', sheets: [sheet(1, 'a'), sheet(2, 'b')] }]
		}).categories;
		expect(Object.keys(category.units[0].aspects!)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI']);
		expect(Object.keys(category.aspect_means!)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI']);
		expect(category.units[0].ipp_display).toBe('4,00');
	});

	it('refuses two units with the same code', () => {
		const unit = { code: 'A', name: 'A', category: 'OPD', sheets: [] };
		expect(() => run([unit, { ...unit, category: 'Puskesmas' }])).toThrow(/A/);
	});

	const periodArb = fc
		.uniqueArray(
			fc.record({
				code: fc.stringMatching(/^[A-Z]{1,3}$/),
				name: fc.constantFrom('Mrican', 'Kampungdalem', 'Banjaran', 'Balowerti'),
				category: fc.constantFrom('Kelurahan', 'Puskesmas', 'OPD'),
				sheets: unitSheetsArb(old, 0)
			}),
			{ maxLength: 8, selector: (u) => u.code }
		)
		.map((units) =>
			units.map((u) => ({
				...u,
				sheets: u.sheets.map((s) => ({ ...s, aspectSums: sheetAspectSums(old, s.scores) }))
			}))
		);

	/** Everything except the floats, with IPPs at the 9 decimals that ranking compares. */
	function comparable(results: PeriodResults) {
		return results.categories.map((c) => ({
			...c,
			...{ mean_ipp: null, median_ipp: null, min_ipp: null, max_ipp: null, aspect_means: null },
			units: c.units.map((u) => ({
				...u,
				ipp: u.ipp === null ? null : round9(u.ipp),
				aspects: null
			}))
		}));
	}

	/** The floats (IPP, aspects, statistics) in a fixed order. */
	function floats(results: PeriodResults): number[] {
		const values = (r: Record<string, number> | null) => (r === null ? [] : Object.values(r));
		return results.categories.flatMap((c) => [
			...[c.mean_ipp, c.median_ipp, c.min_ipp, c.max_ipp].map((x) => x ?? -1),
			...values(c.aspect_means),
			...c.units.flatMap((u) => [u.ipp ?? -1, ...values(u.aspects)])
		]);
	}

	it('gives the same results whatever the order of units and sheets and the labels of visits and assessors', () => {
		const relabelArb = fc.record({
			visits: fc.constantFrom([1, 2, 3], [3, 1, 2], [2, 3, 1], [7, 8, 9], [9, 4, 5]),
			assessors: fc.constantFrom(
				['dewi', 'citra', 'budi', 'ani'],
				[11, 12, 13, 14],
				['x', 'ani', 'y', 'budi']
			)
		});
		fc.assert(
			fc.property(
				periodArb,
				relabelArb,
				fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
				(units, relabel, noise) => {
					const pool = ['ani', 'budi', 'citra', 'dewi'];
					const shuffle = <T>(items: readonly T[], salt: number) =>
						items
							.map((item, i) => ({ item, key: noise[(i * 7 + salt) % noise.length] * 1000 + i }))
							.sort((a, b) => a.key - b.key)
							.map((x) => x.item);
					const changed = shuffle(units, 1).map((u, k) => ({
						...u,
						sheets: shuffle(u.sheets, k + 3).map((s) => ({
							...s,
							visitNo: relabel.visits[s.visitNo - 1],
							assessorId: relabel.assessors[pool.indexOf(s.assessorId as string)]
						}))
					}));
					const a = run(units);
					const b = run(changed);
					expect(comparable(b)).toEqual(comparable(a));
					// Three sheets of one visit may be summed in another order: last bits only.
					const [fa, fb] = [floats(a), floats(b)];
					expect(fb).toHaveLength(fa.length);
					fb.forEach((x, i) => expect(Math.abs(x - fa[i])).toBeLessThan(1e-12));
				}
			)
		);
	});

	it('lists complete units in IPP order with ranks that agree', () => {
		fc.assert(
			fc.property(periodArb, (units) => {
				for (const category of run(units).categories) {
					const ranked = category.units.filter((u) => u.complete);
					expect(category.units.slice(0, ranked.length)).toEqual(ranked);
					expect(ranked.length).toBe(category.count);
					ranked.forEach((u, i) => {
						expect(u.rank).toBe(u.rank_reason!.rule === 'tie' ? ranked[i - 1].rank : i + 1);
						if (i > 0) expect(round9(u.ipp!)).toBeLessThanOrEqual(round9(ranked[i - 1].ipp!));
					});
				}
			})
		);
	});

	// Speed is measured by `npm run bench`, never by a timed unit test; this checks scale only.
	it('ranks 80,000 units across 40 categories without losing one', () => {
		let seed = 42;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		const units: PeriodUnitInput[] = [];
		for (let i = 0; i < 80_000; i++) {
			const sheets: SheetAspectSums[] = [];
			const visits = 1 + Math.floor(next() * 3);
			for (let v = 1; v <= visits; v++) {
				for (let s = 0; s < 1 + Math.floor(next() * 2); s++) {
					const sums: Record<string, number> = {};
					for (const a of aspects6) sums[a.code] = Math.floor(next() * 6) * 0.995;
					sheets.push({
						visitNo: v,
						assessorId: `as-${Math.floor(next() * 500)}`,
						aspectSums: sums
					});
				}
			}
			units.push({
				code: `U${i}`,
				name: `Unit ${Math.floor(next() * 80_000)}`,
				category: `Kategori ${i % 40}`,
				sheets
			});
		}
		const results = run(units);
		expect(results.categories).toHaveLength(40);
		expect(results.categories.reduce((n, c) => n + c.units.length, 0)).toBe(80_000);
	}, 60_000); // no time limit meant: a check of scale on a machine that may be busy
});
