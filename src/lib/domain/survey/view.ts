import { formatDecimalId } from '../scoring/display';
import type { BreakdownField, BreakdownRow } from './breakdown';
import type { IkmResult } from './ikm';

// Whitelisted, display-ready figures for the survey pages.

/** A unit has answers to show once one questionnaire of it counts: the pages' "answered" units. */
export function hasRespondents(u: { respondents: number }): boolean {
	return u.respondents > 0;
}

export function toIkmView(r: IkmResult) {
	return {
		respondents: r.respondents,
		ikm: r.ikm,
		ikmDisplay: formatDecimalId(r.ikm, 4),
		konversi: r.konversi,
		konversiDisplay: formatDecimalId(r.konversi, 2),
		mutu: r.mutu,
		kinerja: r.kinerja,
		nrr: r.nrr
	};
}

export function toBreakdownView(b: Record<BreakdownField, BreakdownRow[]>) {
	return Object.fromEntries(
		Object.entries(b).map(([field, rows]) => [
			field,
			rows.map((row) => ({
				label: row.label,
				respondents: row.result?.respondents ?? 0,
				konversi: row.result?.konversi ?? null,
				konversiDisplay: row.result ? formatDecimalId(row.result.konversi, 2) : '–',
				mutu: row.result?.mutu ?? null,
				kinerja: row.result?.kinerja ?? null
			}))
		])
	) as Record<
		BreakdownField,
		{
			label: string;
			respondents: number;
			konversi: number | null;
			konversiDisplay: string;
			mutu: string | null;
			kinerja: string | null;
		}[]
	>;
}
