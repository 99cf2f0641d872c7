import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	percentileRanks,
	triangulateCategory,
	triangulationJson,
	type TriangulationInput
} from '../../../src/lib/domain/triangulation';

const complaints = (received: number, closed: number) => ({
	received,
	closed,
	shareClosed: closed / received,
	medianDays: closed ? 4 : null
});

const unit = (
	code: string,
	ipp: number | null,
	ikm: number | null,
	c: ReturnType<typeof complaints> | null
): TriangulationInput => ({ code, name: `Unit ${code}`, ipp, aspectV: ipp, ikm, u8: ikm, complaints: c });

// By hand: IPP n=4 (E incomplete), IKM n=5, complaints n=3 (C has only 4 complaints, E none).
const category = [
	unit('A', 4.0, 2.8, complaints(10, 3)),
	unit('B', 3.5, 3.6, complaints(6, 6)),
	unit('C', 3.5, 3.2, complaints(4, 0)),
	unit('D', 3.0, 3.2, complaints(5, 3)),
	unit('E', null, 3.0, null)
];

describe('percentile ranks (docs/rules.md §9.3)', () => {
	it('counts the other units below and half of those equal, over n - 1', () => {
		expect(percentileRanks([4.0, 3.5, 3.5, 3.0, null])).toEqual([100, 50, 50, 0, null]);
		expect(percentileRanks([2.8, 3.6, 3.2, 3.2, 3.0])).toEqual([0, 100, 62.5, 62.5, 25]);
	});

	it('is undefined below two units and treats binary noise as a tie', () => {
		expect(percentileRanks([3.2, null])).toEqual([null, null]);
		expect(percentileRanks([])).toEqual([]);
		expect(percentileRanks([0.1 + 0.2, 0.3])).toEqual([50, 50]);
	});

	it('stays within 0..100 and averages 50 over the units that have the signal', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 40 }), (values) => {
				const pr = percentileRanks(values) as number[];
				for (const p of pr) {
					expect(p).toBeGreaterThanOrEqual(0);
					expect(p).toBeLessThanOrEqual(100);
				}
				expect(pr.reduce((s, p) => s + p, 0) / pr.length).toBeCloseTo(50, 9);
			})
		);
	});

	it('gives each unit the rank its definition gives, counting every other unit, ties and gaps included', () => {
		// The definition written out: each unit compared with every other one.
		const byDefinition = (values: readonly (number | null)[]) => {
			const present = values.filter((v): v is number => v !== null);
			return values.map((v, i) => {
				if (v === null || present.length < 2) return null;
				const others = values.filter((o, j): o is number => j !== i && o !== null);
				const below = others.filter((o) => o < v).length;
				const equal = others.filter((o) => o === v).length;
				return (100 * (below + 0.5 * equal)) / (present.length - 1);
			});
		};
		const value = fc.option(
			fc.integer({ min: 0, max: 8 }).map((x) => x / 2),
			{ nil: null }
		);
		fc.assert(
			fc.property(fc.array(value, { maxLength: 60 }), (values) => {
				expect(percentileRanks(values)).toEqual(byDefinition(values));
			})
		);
	});
});

describe('triangulation of a category', () => {
	const result = Object.fromEntries(triangulateCategory(category).map((u) => [u.code, u]));

	it('ranks complaint handling only for units with at least five complaints', () => {
		expect(result.A.pr).toEqual({ ipp: 100, ikm: 0, complaints: 0 });
		expect(result.B.pr).toEqual({ ipp: 50, ikm: 100, complaints: 100 });
		expect(result.C.pr).toEqual({ ipp: 50, ikm: 62.5, complaints: null });
		expect(result.D.pr).toEqual({ ipp: 0, ikm: 62.5, complaints: 50 });
		expect(result.E.pr).toEqual({ ipp: null, ikm: 25, complaints: null });
	});

	it('flags every pair 50 or more apart, largest first, and names the higher signal', () => {
		expect(result.A.disagreements).toEqual([
			{ pair: ['ipp', 'ikm'], gap: 100, higher: 'ipp' },
			{ pair: ['ipp', 'complaints'], gap: 100, higher: 'ipp' }
		]);
		expect(result.B.disagreements.map((d) => [d.pair, d.gap, d.higher])).toEqual([
			[['ipp', 'ikm'], 50, 'ikm'],
			[['ipp', 'complaints'], 50, 'complaints']
		]);
		expect(result.C.disagreements).toEqual([]);
		expect(result.D.disagreements.map((d) => [d.pair, d.gap])).toEqual([
			[['ipp', 'ikm'], 62.5],
			[['ipp', 'complaints'], 50]
		]);
		expect(result.E.disagreements).toEqual([]);
	});

	it('gives the JSON of README "Complaints and triangulation" with the strongest pair as flag', () => {
		const json = triangulationJson('P1', [{ name: 'Kelurahan', units: triangulateCategory(category) }]);
		expect(json.period).toEqual({ code: 'P1' });
		const [a, , c, d, e] = json.categories[0].units;
		expect(a).toMatchObject({
			code: 'A',
			ipp_pr: 100,
			ikm_pr: 0,
			complaints_pr: 0,
			complaints: { received: 10, closed: 3, share_closed: 0.3, median_days: 4 },
			flag: ['ipp', 'ikm']
		});
		expect(c).toMatchObject({ complaints_pr: null, flag: [], complaints: { received: 4, closed: 0 } });
		expect(d.flag).toEqual(['ipp', 'ikm']);
		expect(e.complaints).toEqual({ received: 0, closed: 0, share_closed: null, median_days: null });
	});
});
