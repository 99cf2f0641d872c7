import type { PeriodResults } from './results-shape';
import { csvLines } from '../csv';

// The results as one flat table (README: results.csv / .xlsx and `results --format csv`):
// snake_case headers named like the JSON keys, aspects as aspect_I ...

export type ResultCell = string | number | boolean | null;

export interface ResultsTable {
	headers: string[];
	/** Which columns hold numbers (formatted as numbers in spreadsheets). */
	numeric: boolean[];
	rows: ResultCell[][];
}

export function resultsTable(results: PeriodResults, aspectCodes: readonly string[]): ResultsTable {
	const headers = [
		'category',
		'code',
		'name',
		'ipp',
		'ipp_display',
		'grade',
		'predikat',
		'rank',
		'complete',
		'award',
		...aspectCodes.map((c) => `aspect_${c}`),
		'visits',
		'assessors'
	];
	const numericNames = new Set([
		'ipp',
		'rank',
		'visits',
		'assessors',
		...aspectCodes.map((c) => `aspect_${c}`)
	]);
	const rows: ResultCell[][] = [];
	for (const c of results.categories)
		for (const u of c.units)
			rows.push([
				c.name,
				u.code,
				u.name,
				u.ipp,
				u.ipp_display,
				u.grade,
				u.predikat,
				u.rank,
				u.complete,
				u.award,
				...aspectCodes.map((a) => u.aspects?.[a] ?? null),
				u.visits,
				u.assessors
			]);
	return { headers, numeric: headers.map((h) => numericNames.has(h)), rows };
}

/** Aspect codes present in the results, in first-seen order (only aspects of weight above 0 appear). */
export function aspectCodesOf(results: PeriodResults): string[] {
	for (const c of results.categories) for (const u of c.units) if (u.aspects) return Object.keys(u.aspects);
	for (const c of results.categories) if (c.aspect_means) return Object.keys(c.aspect_means);
	return [];
}

/** RFC 4180 CSV with dot decimals, CRLF line ends; cells written by the one CSV cell writer. */
export function toCsv(table: ResultsTable): string {
	return csvLines([table.headers, ...table.rows]);
}
