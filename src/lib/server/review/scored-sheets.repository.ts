import { sql } from 'kysely';
import type { Db } from '../db/connection';
import { slices } from '../db/slices';
import { countedSheetsOf } from '../sheets/unit-sheet.repository';
import type { UnitSheetScores } from '../../domain/scoring/types';

// The submitted sheets of a period's regular visits as the review reads them (disagreement flags
// and leniency, docs/rules.md §4.10 and §4.11): scored indicators only. A national period has
// about 12 million scores (README, "Benchmark"), too many to hold at once, so the sheets come a
// slice of units at a time.

function cellsOfUnits(db: Db, periodId: number, indicatorIds: number[], unitIds: number[]) {
	return countedSheetsOf(db, periodId)
		.innerJoin('score', 'score.sheet_id', 'score_sheet.id')
		.select([
			'visit.unit_id',
			'visit.visit_no',
			'score_sheet.assessor_id',
			'score_sheet.id',
			'score.indicator_id',
			sql<number>`score.score`.as('score')
		])
		.where('visit.unit_id', 'in', unitIds)
		.where('score.indicator_id', 'in', indicatorIds)
		.where('score.score', 'is not', null)
		.orderBy('visit.unit_id')
		.orderBy('visit.visit_no')
		.orderBy('score_sheet.id')
		.orderBy('score.indicator_id');
}

/**
 * The scored sheets of these units (id → code), in unit id, visit and sheet order, each sheet's
 * scores in indicator id order; `indicators` maps the indicator ids to read to their codes.
 */
export async function scoredSheetsOfUnits(
	db: Db,
	periodId: number,
	indicators: ReadonlyMap<number, string>,
	unitCodes: ReadonlyMap<number, string>
): Promise<UnitSheetScores[]> {
	const indicatorIds = [...indicators.keys()];
	if (indicatorIds.length === 0 || unitCodes.size === 0) return [];
	const rows = await cellsOfUnits(db, periodId, indicatorIds, [...unitCodes.keys()]).execute();
	// The rows come in sheet order, so a sheet's rows are consecutive.
	const sheets: UnitSheetScores[] = [];
	let sheetId: number | null = null;
	let scores: Record<string, number> = {};
	for (const r of rows) {
		if (r.id !== sheetId) {
			sheetId = r.id;
			scores = {};
			sheets.push({
				unitCode: unitCodes.get(r.unit_id)!,
				visitNo: r.visit_no,
				assessorId: r.assessor_id,
				scores
			});
		}
		scores[indicators.get(r.indicator_id)!] = r.score;
	}
	return sheets;
}

/**
 * The period's scored sheets (of the units in `only`, when given), a slice of units at a time:
 * every sheet of a unit comes in the same slice, in the order scoredSheetsOfUnits gives.
 */
export async function* scoredSheetsByUnits(
	db: Db,
	periodId: number,
	indicators: ReadonlyMap<number, string>,
	only?: ReadonlySet<number>
): AsyncGenerator<UnitSheetScores[]> {
	const units = await db
		.selectFrom('visit')
		.innerJoin('unit', 'unit.id', 'visit.unit_id')
		.select(['unit.id', 'unit.code'])
		.distinct()
		.where('visit.period_id', '=', periodId)
		.where('visit.kind', '=', 'regular')
		.orderBy('unit.id')
		.execute();
	const wanted = only ? units.filter((u) => only.has(u.id)) : units;
	for (const slice of slices(wanted))
		yield await scoredSheetsOfUnits(db, periodId, indicators, new Map(slice.map((u) => [u.id, u.code])));
}
