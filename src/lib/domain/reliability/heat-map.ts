// The calibration heat map (docs/rules.md §9.1): one row per assessor, one column per
// (anchor unit, indicator) pair in the summary's order, each cell the assessor's deviation from
// consensus (null where the assessor gave no score).
import type { CalibrationSummary } from './calibration';

export interface HeatMap {
	columns: { unit: string; indicator: string; consensus: number }[];
	rows: { assessor: string; cells: (number | null)[] }[];
}

const key = (unit: string, indicator: string) => JSON.stringify([unit, indicator]);

export function calibrationHeatMap(summary: CalibrationSummary): HeatMap {
	const index = new Map(summary.indicators.map((c, i) => [key(c.unit, c.indicator), i]));
	return {
		columns: summary.indicators.map((c) => ({
			unit: c.unit,
			indicator: c.indicator,
			consensus: c.consensus
		})),
		rows: summary.assessors.map((a) => {
			const cells: (number | null)[] = summary.indicators.map(() => null);
			for (const d of a.deviations) cells[index.get(key(d.unit, d.indicator))!] = d.deviation;
			return { assessor: a.assessor, cells };
		})
	};
}

/** Colour class of a deviation: the sign says lenient (+) or strict (-), the size how far. */
export function deviationTone(deviation: number | null): string {
	if (deviation === null) return 'none';
	const size =
		Math.abs(deviation) >= 2 ? 'far' : Math.abs(deviation) >= 1 ? 'off' : deviation === 0 ? 'exact' : 'near';
	if (size === 'exact') return 'exact';
	return `${deviation > 0 ? 'plus' : 'minus'}-${size}`;
}
