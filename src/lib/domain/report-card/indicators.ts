import type { InstrumentDef } from '../instrument/types';
import { round9 } from '../scoring/display';
import type { SheetScores } from '../scoring/types';
import { unitIndicatorMeans } from '../scoring/unit-scores';

// The indicator table of a report card: each visit's score (mean of that visit's sheets), the
// unit mean (docs/rules.md §4.2) and the descriptor of the mean's level (its floor after round9, docs/rules.md §4.12).

export interface IndicatorRow {
	aspectCode: string;
	code: string;
	title: string;
	weight: number;
	/** One entry per visit number in `visitNos` order; null when that visit did not score it. */
	visitScores: (number | null)[];
	mean: number | null;
	level: number | null;
	descriptor: string | null;
}

export interface IndicatorTable {
	visitNos: number[];
	rows: IndicatorRow[];
}

export function levelOf(mean: number): number {
	return Math.min(5, Math.max(0, Math.floor(round9(mean))));
}

export function buildIndicatorTable(def: InstrumentDef, sheets: readonly SheetScores[]): IndicatorTable {
	const visitNos = [...new Set(sheets.map((s) => s.visitNo))].sort((a, b) => a - b);
	const perVisit = visitNos.map((v) => unitIndicatorMeans(sheets.filter((s) => s.visitNo === v)));
	const means = unitIndicatorMeans(sheets);
	const rows: IndicatorRow[] = [];
	for (const aspect of def.aspects)
		for (const ind of aspect.indicators) {
			const mean = typeof means[ind.code] === 'number' ? means[ind.code] : null;
			const level = mean === null ? null : levelOf(mean);
			rows.push({
				aspectCode: aspect.code,
				code: ind.code,
				title: ind.title,
				weight: ind.weight,
				visitScores: perVisit.map((m) => (typeof m[ind.code] === 'number' ? m[ind.code] : null)),
				mean,
				level,
				descriptor: level === null ? null : ind.levels[level] || null
			});
		}
	return { visitNos, rows };
}
