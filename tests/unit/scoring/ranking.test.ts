import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aspectTieBreakOrder } from '../../../src/lib/domain/instrument/queries';
import { round9 } from '../../../src/lib/domain/scoring/display';
import { rankUnits } from '../../../src/lib/domain/scoring/ranking';
import { ippFromAspects } from '../../../src/lib/domain/scoring/aspect-scores';
import { loadShipped } from '../instrument/shipped';

const old = loadShipped('permenpan-17-2017');
const pekppp = loadShipped('pekppp-29-2022');
const oldOrder = aspectTieBreakOrder(old);

function unit(code: string, aspects: Record<string, number>, def = old, name = `Unit ${code}`) {
	return { code, name, aspects, ipp: ippFromAspects(def.aspects, aspects) };
}

const flat = (x: number) => ({ I: x, II: x, III: x, IV: x, V: x, VI: x });
const summary = (ranked: ReturnType<typeof rankUnits>) => ranked.map((r) => [r.unit.code, r.rank, r.reason]);

describe('rankUnits', () => {
	it('ranks by IPP, highest first, and says the IPP separated them', () => {
		const ranked = rankUnits([unit('B', flat(3)), unit('A', flat(4)), unit('C', flat(2))], oldOrder);
		expect(summary(ranked)).toEqual([
			['A', 1, { rule: 'first' }],
			['B', 2, { rule: 'ipp' }],
			['C', 3, { rule: 'ipp' }]
		]);
	});

	it('ranks a unit with a higher Kebijakan score first on a tie', () => {
		// 0.30 × 0.5 on Kebijakan (I) equals 0.15 × 1 on Sistem Informasi (IV).
		const x = unit('X', { ...flat(3), I: 3.5 });
		const y = unit('Y', { ...flat(3), IV: 4 });
		expect(round9(x.ipp)).toBe(round9(y.ipp));
		for (const input of [
			[x, y],
			[y, x]
		]) {
			expect(summary(rankUnits(input, oldOrder))).toEqual([
				['X', 1, { rule: 'first' }],
				['Y', 2, { rule: 'aspect', aspect: 'I' }]
			]);
		}
	});

	it('breaks ties on equally weighted aspects in instrument order', () => {
		// III, IV and V all weigh 0.15 in 17/2017: IV is compared before V.
		const x = unit('X', { ...flat(3), IV: 4, V: 3 });
		const y = unit('Y', { ...flat(3), IV: 3, V: 4 });
		expect(summary(rankUnits([y, x], oldOrder))).toEqual([
			['X', 1, { rule: 'first' }],
			['Y', 2, { rule: 'aspect', aspect: 'IV' }]
		]);
	});

	it('compares Profesionalisme SDM first under 29/2022, where it weighs most', () => {
		// 0.25 × 0.24 on II equals 0.24 × 0.25 on I.
		const x = unit('X', { ...flat(3), II: 3.24 }, pekppp);
		const y = unit('Y', { ...flat(3), I: 3.25 }, pekppp);
		expect(round9(x.ipp)).toBe(round9(y.ipp));
		expect(summary(rankUnits([y, x], aspectTieBreakOrder(pekppp)))).toEqual([
			['X', 1, { rule: 'first' }],
			['Y', 2, { rule: 'aspect', aspect: 'II' }]
		]);
	});

	it('shares the rank of units still equal and lists them by name (1, 2, 2, 4)', () => {
		const ranked = rankUnits(
			[
				unit('D', flat(2)),
				unit('Z', flat(3), old, 'Puskesmas Wilayah Utara'),
				unit('Y', flat(3), old, 'Puskesmas Wilayah Selatan'),
				unit('A', flat(4))
			],
			oldOrder
		);
		expect(summary(ranked)).toEqual([
			['A', 1, { rule: 'first' }],
			['Y', 2, { rule: 'ipp' }],
			['Z', 2, { rule: 'tie' }],
			['D', 4, { rule: 'ipp' }]
		]);
	});

	it('treats IPPs equal at nine decimals as a tie, and a difference at the ninth decimal as a difference', () => {
		const a = { code: 'A', name: 'A', ipp: 3.1000000004, aspects: flat(3) };
		const b = { code: 'B', name: 'B', ipp: 3.1000000001, aspects: flat(3) };
		expect(rankUnits([a, b], oldOrder).map((r) => r.rank)).toEqual([1, 1]);
		const c = { code: 'C', name: 'C', ipp: 3.100000001, aspects: flat(3) };
		const d = { code: 'D', name: 'D', ipp: 3.100000002, aspects: flat(3) };
		expect(summary(rankUnits([c, d], oldOrder))).toEqual([
			['D', 1, { rule: 'first' }],
			['C', 2, { rule: 'ipp' }]
		]);
	});

	it('agrees with IPP order for any set of units', () => {
		const aspectsArb = fc.record({
			I: fc.integer({ min: 0, max: 20 }).map((n) => n / 4),
			II: fc.integer({ min: 0, max: 20 }).map((n) => n / 4),
			III: fc.integer({ min: 0, max: 20 }).map((n) => n / 4),
			IV: fc.integer({ min: 0, max: 20 }).map((n) => n / 4),
			V: fc.integer({ min: 0, max: 20 }).map((n) => n / 4),
			VI: fc.integer({ min: 0, max: 20 }).map((n) => n / 4)
		});
		fc.assert(
			fc.property(fc.array(aspectsArb, { maxLength: 30 }), (list) => {
				const units = list.map((a, i) => unit(`U${i}`, a, old, `Unit ${i % 7}`));
				const ranked = rankUnits(units, oldOrder);
				expect(ranked).toHaveLength(units.length);
				ranked.forEach((r, i) => {
					if (i === 0) return expect(r.rank).toBe(1);
					const above = ranked[i - 1];
					expect(round9(r.unit.ipp)).toBeLessThanOrEqual(round9(above.unit.ipp));
					if (r.reason.rule === 'tie') expect(r.rank).toBe(above.rank);
					else expect(r.rank).toBe(i + 1);
					if (round9(r.unit.ipp) < round9(above.unit.ipp)) expect(r.reason).toEqual({ rule: 'ipp' });
				});
				// A strictly higher IPP always means a strictly better rank.
				for (const p of ranked) {
					for (const q of ranked) {
						if (round9(p.unit.ipp) > round9(q.unit.ipp)) expect(p.rank).toBeLessThan(q.rank);
					}
				}
			})
		);
	});
});
