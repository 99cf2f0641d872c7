import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { scoredIndicators } from '../../../src/lib/domain/instrument/queries';
import type { InstrumentDef } from '../../../src/lib/domain/instrument/types';
import type { SheetScores } from '../../../src/lib/domain/scoring/types';

/** Tiny CSV reader for the example fixtures (no quoted fields there). */
export function readCsv(url: URL): Record<string, string>[] {
	const lines = readFileSync(url, 'utf8')
		.replace(/^\uFEFF/, '')
		.split(/\r?\n/)
		.filter((l) => l !== '');
	const header = lines[0].split(',');
	return lines.slice(1).map((line) => {
		const cells = line.split(',');
		return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
	});
}

export interface ExampleUnit {
	code: string;
	name: string;
	category: string;
	sheets: SheetScores[];
}

export interface ExpectedUnit {
	code: string;
	category: string;
	ipp: number;
	ipp_display: string;
	grade: string;
	complete: boolean;
	rank: number | null;
	award: string | null;
	aspects: Record<string, number>;
}

export interface Example {
	units: ExampleUnit[];
	expected: {
		instrument: string;
		settings: { visits: number; assessors: number; awards: number };
		units: ExpectedUnit[];
	};
}

/** Loads a worked example (copied from shared/domain/examples) into per-unit sheets. */
export function loadExample(folder: 'examples' | 'examples/pekppp'): Example {
	const base = new URL(`./fixtures/${folder}/`, import.meta.url);
	const units: ExampleUnit[] = readCsv(new URL('units.csv', base)).map((r) => ({
		code: r.code,
		name: r.name,
		category: r.category,
		sheets: []
	}));
	const byCode = new Map(units.map((u) => [u.code, u]));
	const sheets = new Map<string, SheetScores>();
	for (const row of readCsv(new URL('scores.csv', base))) {
		const key = `${row.unit_code}|${row.visit_no}|${row.assessor_email}`;
		let sheet = sheets.get(key);
		if (!sheet) {
			sheet = { visitNo: Number(row.visit_no), assessorId: row.assessor_email, scores: {} };
			sheets.set(key, sheet);
			byCode.get(row.unit_code)!.sheets.push(sheet);
		}
		(sheet.scores as Record<string, number>)[row.indicator_code] = Number(row.score);
	}
	const expected = JSON.parse(readFileSync(new URL('expected.json', base), 'utf8'));
	return { units, expected };
}

/** One sheet with an integer 0..5 for every scored indicator. */
export function scoresArb(def: InstrumentDef): fc.Arbitrary<Record<string, number>> {
	const record: Record<string, fc.Arbitrary<number>> = {};
	for (const ind of scoredIndicators(def)) record[ind.code] = fc.integer({ min: 0, max: 5 });
	return fc.record(record);
}

/** A unit's submitted sheets: visits 1..3, assessors from a pool of four, at most one sheet per (visit, assessor). */
export function unitSheetsArb(def: InstrumentDef, minLength = 1): fc.Arbitrary<SheetScores[]> {
	return fc
		.uniqueArray(
			fc.record({
				visitNo: fc.integer({ min: 1, max: 3 }),
				assessorId: fc.constantFrom('ani', 'budi', 'citra', 'dewi'),
				scores: scoresArb(def)
			}),
			{ minLength, maxLength: 5, selector: (s) => `${s.visitNo}|${s.assessorId}` }
		)
		.map((sheets) => sheets as SheetScores[]);
}

/** Every scored indicator at the same score. */
export function uniformScores(def: InstrumentDef, score: number): Record<string, number> {
	return Object.fromEntries(scoredIndicators(def).map((i) => [i.code, score]));
}
