import { describe, expect, it } from 'vitest';
import type { InstrumentDef } from '../../../src/lib/domain/instrument/types';
import { gainOpportunities } from '../../../src/lib/domain/scoring/gain';
import { loadShipped } from '../instrument/shipped';
import { uniformScores } from './support';

const levels = ['0', '1', '2', '3', '4', '5'];
const ind = (code: string, weight: number) => ({
	code,
	title: `Judul ${code}`,
	weight,
	levels,
	evidence: []
});
const def: InstrumentDef = {
	code: 'uji',
	name: 'Uji',
	aspects: [
		{ code: 'I', name: 'Satu', weight: 0.6, indicators: [ind('a', 0.5), ind('b', 0.5)] },
		{
			code: 'II',
			name: 'Dua',
			weight: 0.4,
			indicators: [ind('c', 0.25), ind('d', 0.75), ind('e', 0)]
		},
		{ code: 'VII', name: 'Tambahan', weight: 0, indicators: [ind('f', 0)] }
	]
};

describe('gainOpportunities', () => {
	it('computes W_a · w_i · (next level − mean) and lists the largest gain first', () => {
		const list = gainOpportunities(def, { a: 3.75, b: 2, c: 1, d: 4.5, e: 0, f: 0 });
		// b: 0.6 · 0.5 · 1 = 0.3; d: 0.4 · 0.75 · 0.5 = 0.15; c: 0.4 · 0.25 · 1 = 0.1; a: 0.3 · 0.25 = 0.075.
		expect(list.map((g) => g.indicatorCode)).toEqual(['b', 'd', 'c', 'a']);
		const [b, d, c, a] = list;
		expect(b).toEqual({
			aspectCode: 'I',
			indicatorCode: 'b',
			title: 'Judul b',
			mean: 2,
			level: 2,
			target: 3,
			gain: 0.3
		});
		expect(c.gain).toBeCloseTo(0.1, 12);
		expect(d).toMatchObject({ level: 4, target: 5 });
		expect(d.gain).toBeCloseTo(0.15, 12);
		expect(a).toMatchObject({ level: 3, target: 4 });
		expect(a.gain).toBeCloseTo(0.075, 12);
	});

	it('leaves out indicators at 5 and indicators of weight 0', () => {
		const list = gainOpportunities(def, { a: 5, b: 5, c: 4, d: 5, e: 1, f: 1 });
		expect(list.map((g) => g.indicatorCode)).toEqual(['c']);
	});

	it('keeps instrument order on equal gains', () => {
		const list = gainOpportunities(def, { a: 3, b: 3, c: 3, d: 4 + 2 / 3 });
		// a and b gain 0.3 each; d gains 0.4 · 0.75 · 1/3 = 0.1, equal to c's 0.4 · 0.25 · 1 at 9 decimals.
		expect(list.map((g) => g.indicatorCode)).toEqual(['a', 'b', 'c', 'd']);
		const reversed = gainOpportunities(def, { d: 4 + 2 / 3, c: 3, b: 3, a: 3 });
		expect(reversed.map((g) => g.indicatorCode)).toEqual(['a', 'b', 'c', 'd']);
	});

	it('reads a mean a hair below an integer through float noise as that integer', () => {
		const [item] = gainOpportunities(def, { a: 2.9999999999 });
		expect(item).toMatchObject({ level: 3, target: 4 });
		expect(gainOpportunities(def, { a: 4.9999999999 })).toEqual([]);
	});

	it('orders a flat unit under 17/2017 by W_a · w_i, equal products in instrument order', () => {
		const old = loadShipped('permenpan-17-2017');
		const list = gainOpportunities(old, uniformScores(old, 3));
		expect(list).toHaveLength(37);
		// Inovasi's single indicator (0.07 · 1) first; then 0.045, 0.0375, 0.03276, and the five
		// items worth 0.15 · 0.2 = 0.03 across aspects III, IV and V in instrument order.
		expect(list.slice(0, 12).map((g) => g.indicatorCode)).toEqual([
			'6',
			'5.2.a.K',
			'5.2.a.As',
			'4.a.B',
			'4.a.Ak1',
			'2.e.K1',
			'2.g.Ak',
			'3.c.K',
			'3.d.As1',
			'4.a.T',
			'5.1.a.K',
			'5.1.a.As'
		]);
		for (let i = 1; i < list.length; i++) expect(list[i].gain).toBeLessThanOrEqual(list[i - 1].gain + 1e-12);
	});
});
