import { roundHalfUp2, round9 } from '../scoring/display';
import { SURVEY_ELEMENTS, type Answers } from './elements';

// IKM arithmetic of PermenPAN-RB 14/2017 (docs/rules.md §6).

export type Mutu = 'A' | 'B' | 'C' | 'D';

export interface IkmBand {
	mutu: Mutu;
	kinerja: string;
}

/** Lower bound of each band on the converted value, in hundredths, best first (docs/rules.md §6 table). */
const BANDS: readonly (IkmBand & { from: number })[] = [
	{ from: 8831, mutu: 'A', kinerja: 'Sangat Baik' },
	{ from: 7661, mutu: 'B', kinerja: 'Baik' },
	{ from: 6500, mutu: 'C', kinerja: 'Kurang Baik' },
	{ from: Number.NEGATIVE_INFINITY, mutu: 'D', kinerja: 'Tidak Baik' }
];

/** Answer totals of a group of questionnaires: the only thing the IKM needs. */
export interface AnswerSums {
	respondents: number;
	/** Sum of answers per element, U1..U9. */
	sums: number[];
}

export function emptySums(): AnswerSums {
	return { respondents: 0, sums: SURVEY_ELEMENTS.map(() => 0) };
}

export function addAnswers(acc: AnswerSums, answers: Answers): AnswerSums {
	acc.respondents += 1;
	for (let i = 0; i < acc.sums.length; i++) acc.sums[i] += answers[i];
	return acc;
}

export function sumAnswers(all: readonly Answers[]): AnswerSums {
	const acc = emptySums();
	for (const a of all) addAnswers(acc, a);
	return acc;
}

export interface IkmResult {
	respondents: number;
	/** NRR per element, keyed U1..U9, full precision. */
	nrr: Record<string, number>;
	/** On the 1..4 scale, full precision. */
	ikm: number;
	/** IKM · 25, rounded to two decimals (9 decimals first, then half up). */
	konversi: number;
	mutu: Mutu;
	kinerja: string;
}

/**
 * The IKM of a group: each element weighs exactly 1/9, never the 0.111 of many spreadsheets
 * (docs/rules.md §6). Null when nobody answered (no score is better than a made-up one). */
export function computeIkm(group: AnswerSums): IkmResult | null {
	if (group.respondents === 0) return null;
	const nrr: Record<string, number> = {};
	let total = 0;
	SURVEY_ELEMENTS.forEach((e, i) => {
		const value = group.sums[i] / group.respondents;
		nrr[e.code] = value;
		total += value;
	});
	// Σ NRR·(1/9) taken as (Σ NRR)/9: the same exact weight with one rounding instead of nine,
	// so nine NRRs of 3.5 give 3.5, not 3.4999999999999996.
	const ikm = total / SURVEY_ELEMENTS.length;
	const konversi = roundHalfUp2(ikm * 25);
	return { respondents: group.respondents, nrr, ikm, konversi, ...bandOf(konversi) };
}

/** The band of a converted value, decided on its two-decimal value. */
export function bandOf(konversi: number): IkmBand {
	const cents = Math.round(roundHalfUp2(konversi) * 100);
	const band = BANDS.find((b) => cents >= b.from) ?? BANDS[BANDS.length - 1];
	return { mutu: band.mutu, kinerja: band.kinerja };
}

/** Converted value (25..100) from the 1..4 IKM, two decimals. */
export function toKonversi(ikm: number): number {
	return roundHalfUp2(round9(ikm) * 25);
}

/**
 * Krejcie-Morgan sample size with X² = 3.841, P = 0.5, d = 0.05 (docs/rules.md §6). Multiplying the
 * formula by 4000 keeps it in integers: S = ceil(3841·N / (10·(N − 1) + 3841)).
 */
export function krejcieMorganSample(population: number): number {
	if (!Number.isInteger(population) || population <= 0) return 0;
	const num = 3841 * population;
	const den = 10 * (population - 1) + 3841;
	return Math.ceil(num / den);
}
