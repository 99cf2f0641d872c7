import { sql } from 'kysely';
import { rawHandleOf, type Db } from '../db/connection';
import { slices } from '../db/slices';
import { countedSheetsOf } from '../sheets/unit-sheet.repository';
import type { UnitSheetScores } from '../../domain/scoring/types';

// The submitted sheets of a period's regular visits as the review reads them (disagreement flags
// and leniency, docs/rules.md §4.10 and §4.11): scored indicators only. A national period has
// about 12 million scores (README, "Benchmark"), too many to hold at once, so the sheets come a
// slice of units at a time.

type CellRow = [
	unitId: number,
	visitNo: number,
	assessorId: number,
	sheetId: number,
	indicatorId: number,
	score: number
];

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
		.where('score.score', 'is not', null);
}

/**
 * The period's scored sheets, a slice of units at a time: every sheet of a unit comes in the same
 * slice, in unit id, visit and sheet order; `indicators` maps the indicator ids to read to their
 * codes. On SQLite outside a transaction the rows are read as tuples, as the results' unit reader
 * does, sparing an object per score (on the benchmark's national period the gain was within the
 * run-to-run noise).
 */
export async function* scoredSheetsByUnits(
	db: Db,
	periodId: number,
	indicators: ReadonlyMap<number, string>
): AsyncGenerator<UnitSheetScores[]> {
	const indicatorIds = [...indicators.keys()];
	if (indicatorIds.length === 0) return;
	const units = await db
		.selectFrom('visit')
		.innerJoin('unit', 'unit.id', 'visit.unit_id')
		.select(['unit.id', 'unit.code'])
		.distinct()
		.where('visit.period_id', '=', periodId)
		.where('visit.kind', '=', 'regular')
		.orderBy('unit.id')
		.execute();
	const raw = rawHandleOf(db);
	for (const slice of slices(units)) {
		const query = cellsOfUnits(
			db,
			periodId,
			indicatorIds,
			slice.map((u) => u.id)
		);
		let rows: CellRow[];
		if (raw) {
			const { sql: text, parameters } = query.compile();
			rows = raw
				.prepare(text)
				.raw()
				.all(...parameters) as CellRow[];
		} else
			rows = (await query.execute()).map((r) => [
				r.unit_id,
				r.visit_no,
				r.assessor_id,
				r.id,
				r.indicator_id,
				r.score
			]);
		yield sheetsOfRows(rows, new Map(slice.map((u) => [u.id, u.code])), indicators);
	}
}

// No ORDER BY: the sheets are grouped and put in order here, so SQLite needs no sort of a slice.
function sheetsOfRows(
	rows: readonly CellRow[],
	unitCodes: ReadonlyMap<number, string>,
	indicators: ReadonlyMap<number, string>
): UnitSheetScores[] {
	const sheets = new Map<
		number,
		{ unitId: number; sheet: UnitSheetScores & { scores: Record<string, number> } }
	>();
	for (const [unitId, visitNo, assessorId, id, indicatorId, score] of rows) {
		let entry = sheets.get(id);
		if (!entry)
			sheets.set(
				id,
				(entry = { unitId, sheet: { unitCode: unitCodes.get(unitId)!, visitNo, assessorId, scores: {} } })
			);
		entry.sheet.scores[indicators.get(indicatorId)!] = score;
	}
	return [...sheets]
		.sort(([a, x], [b, y]) => x.unitId - y.unitId || x.sheet.visitNo - y.sheet.visitNo || a - b)
		.map(([, entry]) => entry.sheet);
}
