import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	bandOf,
	computeIkm,
	krejcieMorganSample,
	sumAnswers,
	toKonversi
} from '../../../src/lib/domain/survey';

const all = (v: number) => Array.from({ length: 9 }, () => v);

describe('IKM arithmetic (PermenPAN-RB 14/2017, docs/rules.md §6)', () => {
	it('weighs each element by exactly 1/9, so unanimous answers give exactly that answer', () => {
		for (const v of [1, 2, 3, 4]) {
			const r = computeIkm(sumAnswers([all(v)]))!;
			expect(r.konversi).toBe(v * 25);
		}
		// With 0.111 the all-4 unit would read 3.996 (99.90): the spreadsheet error the spec warns about.
		expect(computeIkm(sumAnswers([all(4)]))!.ikm).toBeCloseTo(4, 12);
		expect(toKonversi(4 * 9 * 0.111)).toBe(99.9);
	});

	it('equals the sum of NRR times 1/9 for any set of questionnaires', () => {
		const questionnaire = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 9, maxLength: 9 });
		fc.assert(
			fc.property(fc.array(questionnaire, { minLength: 1, maxLength: 60 }), (all) => {
				const r = computeIkm(sumAnswers(all))!;
				const weighted = Object.values(r.nrr).reduce((s, x) => s + x * (1 / 9), 0);
				expect(Math.abs(r.ikm - weighted)).toBeLessThan(1e-12);
				expect(Math.abs(r.ikm - Object.values(r.nrr).reduce((s, x) => s + x * 0.111, 0))).toBeGreaterThan(0);
				expect(r.konversi).toBe(Math.round(Math.round(r.ikm * 25 * 1e9) / 1e7) / 100);
			})
		);
	});

	it('takes NRR per element as the mean over questionnaires', () => {
		const r = computeIkm(
			sumAnswers([
				[1, 2, 3, 4, 1, 2, 3, 4, 1],
				[2, 2, 4, 4, 2, 3, 3, 4, 2]
			])
		)!;
		expect(r.nrr).toEqual({ U1: 1.5, U2: 2, U3: 3.5, U4: 4, U5: 1.5, U6: 2.5, U7: 3, U8: 4, U9: 1.5 });
		expect(r.ikm).toBeCloseTo(23.5 / 9, 12);
		expect(r.konversi).toBe(65.28); // 23.5/9·25 = 65.2777…
		expect(r.mutu).toBe('C');
	});

	it('rounds the converted value half up after 9 decimals', () => {
		// 3 respondents: sums chosen so that IKM·25 = 88.30555… → 88.31 (band A)
		const answers = [all(4), all(3), [4, 4, 4, 3, 3, 3, 3, 3, 4]];
		const r = computeIkm(sumAnswers(answers))!;
		const exact = ((36 + 27 + 31) / 27) * 25; // 87.037…
		expect(r.konversi).toBe(Math.round(exact * 100) / 100);
		expect(toKonversi(3.5322)).toBe(88.31); // 88.305 → 88.31 half up
		expect(toKonversi(3.0642)).toBe(76.61); // 76.605 → 76.61
		expect(toKonversi(2.5998)).toBe(65.0); // 64.995 → 65.00
	});

	it('puts every band edge on the right side', () => {
		const cases: [number, string, string][] = [
			[100, 'A', 'Sangat Baik'],
			[88.31, 'A', 'Sangat Baik'],
			[88.3, 'B', 'Baik'],
			[88.305, 'A', 'Sangat Baik'],
			[76.61, 'B', 'Baik'],
			[76.6, 'C', 'Kurang Baik'],
			[76.604999, 'C', 'Kurang Baik'],
			[65.0, 'C', 'Kurang Baik'],
			[64.99, 'D', 'Tidak Baik'],
			[64.995, 'C', 'Kurang Baik'],
			[25, 'D', 'Tidak Baik']
		];
		for (const [value, mutu, kinerja] of cases)
			expect(bandOf(value), String(value)).toEqual({ mutu, kinerja });
	});

	it('has no IKM for a group without respondents', () => {
		expect(computeIkm(sumAnswers([]))).toBeNull();
	});

	it('gives the Krejcie-Morgan sample sizes of the spec', () => {
		expect(krejcieMorganSample(100)).toBe(80);
		expect(krejcieMorganSample(1000)).toBe(278);
		expect(krejcieMorganSample(1_000_000)).toBe(384);
		expect(krejcieMorganSample(1)).toBe(1);
		expect(krejcieMorganSample(10)).toBe(10);
		expect(krejcieMorganSample(0)).toBe(0);
		// the spec rounds up (ceil) where the printed 1970 table rounds: N=500 gives 218, not 217
		expect(krejcieMorganSample(500)).toBe(218);
		expect(krejcieMorganSample(10_000)).toBe(370);
	});
});
