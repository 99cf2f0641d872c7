import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	krippendorffAlpha,
	readAlpha,
	unitsFromCoderRows,
	type AlphaMetric,
	type ReliabilityUnit
} from '../../../src/lib/domain/reliability/krippendorff-alpha';

const example = JSON.parse(
	readFileSync(new URL('./fixtures/krippendorff-2011.json', import.meta.url), 'utf8')
) as { coders_by_units: (number | null)[][]; alpha_to_three_decimals: Record<AlphaMetric, number> };

const METRICS: AlphaMetric[] = ['nominal', 'ordinal', 'interval', 'ratio'];

/** Units of up to five coders with values 1..5 and gaps, as calibration rounds produce. */
const reliabilityData = fc.array(
	fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), { minLength: 5, maxLength: 5 }),
	{ minLength: 2, maxLength: 30 }
);

const close = (a: number | null, b: number | null) =>
	a === null || b === null ? a === b : Math.abs(a - b) < 1e-9;

describe("Krippendorff's alpha", () => {
	it('reproduces the published example of four observers and twelve units for every metric', () => {
		const units = unitsFromCoderRows(example.coders_by_units);
		expect(units).toHaveLength(12);
		for (const metric of METRICS) {
			const alpha = krippendorffAlpha(units, metric)!;
			expect(alpha.toFixed(3), metric).toBe(example.alpha_to_three_decimals[metric].toFixed(3));
		}
	});

	it('matches a hand computation on two coders and binary data', () => {
		// o00 = 10, o11 = 2, o01 = o10 = 4; n0 = 14, n1 = 6: alpha = 1 - 19 * 4 / (14 * 6).
		const units = unitsFromCoderRows([
			[0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
			[1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
		]);
		expect(krippendorffAlpha(units, 'nominal')).toBeCloseTo(1 - 76 / 84, 12);
		expect(krippendorffAlpha(units, 'nominal')!.toFixed(3)).toBe('0.095');
	});

	it('ignores units with fewer than two values', () => {
		const units = unitsFromCoderRows(example.coders_by_units);
		const withoutLonely = units.filter((u) => u.filter((v) => v !== null).length >= 2);
		expect(withoutLonely).toHaveLength(11);
		for (const metric of METRICS) {
			expect(krippendorffAlpha(withoutLonely, metric)).toBe(krippendorffAlpha(units, metric));
			expect(krippendorffAlpha([...units, [null, 4, null, null], [null, null]], metric)).toBe(
				krippendorffAlpha(units, metric)
			);
		}
	});

	it('is undefined without pairable values or without any variation', () => {
		expect(krippendorffAlpha([], 'ordinal')).toBeNull();
		expect(
			krippendorffAlpha(
				[
					[3, null],
					[null, 2]
				],
				'ordinal'
			)
		).toBeNull();
		expect(
			krippendorffAlpha(
				[
					[3, 3],
					[3, 3, 3]
				],
				'interval'
			)
		).toBeNull();
	});

	it('gives 1 for perfect agreement whenever the values vary', () => {
		const agreeing = fc
			.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 2, max: 5 })), {
				minLength: 2,
				maxLength: 20
			})
			.filter((units) => new Set(units.map(([v]) => v)).size > 1);
		fc.assert(
			fc.property(agreeing, fc.constantFrom(...METRICS), (units, metric) => {
				const data = units.map(([v, coders]) => Array.from({ length: coders }, () => v));
				expect(krippendorffAlpha(data, metric)).toBeCloseTo(1, 12);
			})
		);
	});

	it('does not change when coders or units are put in another order', () => {
		fc.assert(
			fc.property(
				reliabilityData,
				fc.constantFrom(...METRICS),
				fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
				(units, metric, keys) => {
					const order = [0, 1, 2, 3, 4].sort((a, b) => keys[a] - keys[b] || a - b);
					const permuted = units.map((u) => order.map((i) => u[i]));
					const alpha = krippendorffAlpha(units, metric);
					expect(close(krippendorffAlpha(permuted, metric), alpha)).toBe(true);
					expect(close(krippendorffAlpha([...units].reverse(), metric), alpha)).toBe(true);
				}
			)
		);
	});

	it('never exceeds 1', () => {
		fc.assert(
			fc.property(reliabilityData, fc.constantFrom(...METRICS), (units, metric) => {
				const alpha = krippendorffAlpha(units, metric);
				if (alpha !== null) expect(alpha).toBeLessThanOrEqual(1 + 1e-12);
			})
		);
	});

	it('keeps each metric invariant under the transformations its scale allows', () => {
		const map = (units: ReliabilityUnit[], f: (v: number) => number) =>
			units.map((u) => u.map((v) => (v === null ? null : f(v))));
		fc.assert(
			fc.property(
				reliabilityData,
				fc.integer({ min: 1, max: 7 }),
				fc.integer({ min: -10, max: 10 }),
				(units, scale, shift) => {
					// Nominal: any relabelling; ordinal: any increasing map; interval: affine; ratio: scaling.
					const nominal = krippendorffAlpha(units, 'nominal');
					expect(
						close(
							krippendorffAlpha(
								map(units, (v) => (v * 7) % 11),
								'nominal'
							),
							nominal
						)
					).toBe(true);
					const ordinal = krippendorffAlpha(units, 'ordinal');
					expect(
						close(
							krippendorffAlpha(
								map(units, (v) => v ** 3 + shift),
								'ordinal'
							),
							ordinal
						)
					).toBe(true);
					const interval = krippendorffAlpha(units, 'interval');
					expect(
						close(
							krippendorffAlpha(
								map(units, (v) => scale * v + shift),
								'interval'
							),
							interval
						)
					).toBe(true);
					const ratio = krippendorffAlpha(units, 'ratio');
					expect(
						close(
							krippendorffAlpha(
								map(units, (v) => scale * v),
								'ratio'
							),
							ratio
						)
					).toBe(true);
				}
			)
		);
	});

	it('reads alpha by the thresholds 0.800 and 0.667 on the three decimals shown', () => {
		expect(readAlpha(1)).toBe('reliable');
		expect(readAlpha(0.8)).toBe('reliable');
		expect(readAlpha(0.7996)).toBe('reliable');
		expect(readAlpha(0.7994)).toBe('tentative');
		expect(readAlpha(0.667)).toBe('tentative');
		expect(readAlpha(0.6664)).toBe('unreliable');
		expect(readAlpha(-0.3)).toBe('unreliable');
	});
});
