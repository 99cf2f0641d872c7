import type { SheetAspectSums, SheetScores } from './types';
import { unitAspectScoresFromVisitTotals, visitTotalsOfSheets } from './visit-totals';

// docs/rules.md §4.2: a unit's scores from its submitted sheets, each visit counting equally however
// many assessors it had. All values stay unrounded; rounding happens only in display.ts.

/** Per indicator: mean over visits of the mean of that visit's sheets (docs/rules.md §4.2). */
export function unitIndicatorMeans(sheets: readonly SheetScores[]): Record<string, number> {
	const perVisit = new Map<number, Map<string, { sum: number; count: number }>>();
	const codes = new Set<string>();
	for (const sheet of sheets) {
		let acc = perVisit.get(sheet.visitNo);
		if (!acc) perVisit.set(sheet.visitNo, (acc = new Map()));
		for (const [code, score] of Object.entries(sheet.scores)) {
			codes.add(code);
			const cell = acc.get(code);
			if (cell) {
				cell.sum += score;
				cell.count++;
			} else acc.set(code, { sum: score, count: 1 });
		}
	}
	const visits = [...perVisit.keys()].sort((a, b) => a - b).map((v) => perVisit.get(v)!);
	const means: Record<string, number> = {};
	for (const code of codes) {
		// An optional (weight-0) indicator counts only over the visits that recorded it.
		let total = 0;
		let n = 0;
		for (const acc of visits) {
			const cell = acc.get(code);
			if (cell) {
				total += cell.sum / cell.count;
				n++;
			}
		}
		means[code] = total / n;
	}
	return means;
}

/**
 * Unit aspect scores from per-sheet aspect sums. By linearity of Σ w_i·s_i this equals the
 * aspect score of the unit indicator means (docs/rules.md §4.2 and 4.3). Null when there is no sheet.
 * `aspectCodes` defaults to the first sheet's keys; every sheet must carry every code.
 */
export function unitAspectScoresFromSheetSums(
	sheets: readonly SheetAspectSums[],
	aspectCodes?: readonly string[]
): Record<string, number> | null {
	if (sheets.length === 0) return null;
	return unitAspectScoresFromVisitTotals(
		visitTotalsOfSheets(sheets),
		aspectCodes ?? Object.keys(sheets[0].aspectSums)
	);
}
