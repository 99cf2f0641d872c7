import { computeIkm, krejcieMorganSample, type AnswerSums, type IkmResult } from './ikm';

// One unit's survey figures, and the README's survey-results JSON shape.

export interface UnitIkm {
	id: number;
	code: string;
	name: string;
	category: string;
	yearlyServiceUsers: number | null;
	/** Krejcie-Morgan target; null when the yearly number of service users is unknown. */
	target: number | null;
	respondents: number;
	result: IkmResult | null;
}

export function unitIkmOf(
	unit: { id: number; code: string; name: string; category: string; yearlyServiceUsers: number | null },
	sums: AnswerSums | undefined
): UnitIkm {
	const result = sums ? computeIkm(sums) : null;
	return {
		...unit,
		target: unit.yearlyServiceUsers ? krejcieMorganSample(unit.yearlyServiceUsers) : null,
		respondents: result?.respondents ?? 0,
		result
	};
}

export interface IkmJsonUnit {
	code: string;
	respondents: number;
	target: number | null;
	nrr: Record<string, number> | null;
	ikm: number | null;
	ikm_konversi: number | null;
	mutu: string | null;
	kinerja: string | null;
}

/** README: `nrr` and `ikm` full precision, `ikm_konversi` two decimals; nulls without answers. */
export function ikmJson(
	periodCode: string,
	units: readonly UnitIkm[]
): { period: { code: string }; units: IkmJsonUnit[] } {
	return {
		period: { code: periodCode },
		units: units.map((u) => ({
			code: u.code,
			respondents: u.respondents,
			target: u.target,
			nrr: u.result ? { ...u.result.nrr } : null,
			ikm: u.result?.ikm ?? null,
			ikm_konversi: u.result?.konversi ?? null,
			mutu: u.result?.mutu ?? null,
			kinerja: u.result?.kinerja ?? null
		}))
	};
}

const CSV_HEADER = [
	'code',
	'respondents',
	'target',
	...Array.from({ length: 9 }, (_, i) => `nrr_U${i + 1}`),
	'ikm',
	'ikm_konversi',
	'mutu',
	'kinerja'
];

/** CSV with snake_case headers named like the JSON keys and dot decimals (README). */
export function ikmCsv(units: readonly UnitIkm[]): string {
	const cell = (v: string | number | null) => (v === null ? '' : String(v));
	const lines = units.map((u) =>
		[
			u.code,
			u.respondents,
			u.target,
			...Array.from({ length: 9 }, (_, i) => u.result?.nrr[`U${i + 1}`] ?? null),
			u.result?.ikm ?? null,
			u.result?.konversi ?? null,
			u.result?.mutu ?? null,
			u.result?.kinerja ?? null
		]
			.map(cell)
			.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
			.join(',')
	);
	return [CSV_HEADER.join(','), ...lines].join('\n') + '\n';
}
