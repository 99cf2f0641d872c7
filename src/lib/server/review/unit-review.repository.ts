import type { Db } from '../db/connection';
import { forShare, forUpdate } from '../db/dialect';
import { slices } from '../db/slices';
import { inTransaction } from '../db/transaction';
import { scoredIndicators } from '../../domain/instrument/queries';
import { unitReviewFigure, type UnitReviewFigure } from '../../domain/scoring/unit-review';
import type { UnitSheetScores } from '../../domain/scoring/types';
import { findInstrumentById } from '../periods/instrument.repository';
import { scoredSheetsOfUnits } from './scored-sheets.repository';

// Each unit's part of its period's review (table unit_review_figure; domain/scoring/unit-review.ts):
// the review reads one row per unit instead of every score (README, "Benchmark").
// - A change to a unit's sheets recomputes its row in the same transaction (refreshUnitReviews,
//   beside the unit's visit totals).
// - An import or a correction put back clears the period's rows (clearUnitReviews), and the next
//   review fills the missing rows (fillUnitReviews), a slice of units at a time.
// On PostgreSQL the period row orders them: clearing and filling lock it, a unit's refresh shares
// it and locks its unit. So a fill never stores a figure read before a clear it missed, and a
// fill's figure never replaces a refresh's (a fill adds missing rows only).

/**
 * Scored indicators of the period's instrument (weight-0 items are recorded only): id → code.
 * Every period has an instrument (a foreign key), so a missing one is a broken database.
 */
export async function readScoredIndicators(db: Db, periodId: number): Promise<Map<number, string>> {
	const period = await db
		.selectFrom('period')
		.select('instrument_id')
		.where('id', '=', periodId)
		.executeTakeFirst();
	const instrument = period ? await findInstrumentById(db, period.instrument_id) : null;
	if (!instrument) throw new Error(`Instrumen periode ${periodId} tidak ada`);
	const codes = new Map<number, string>();
	for (const i of scoredIndicators(instrument.def)) codes.set(instrument.indicatorIds.get(i.code)!, i.code);
	return codes;
}

/** Stored form: [widest spread or null, [[assessor id, Σ deviation, pairs], ...]]. */
type StoredFigure = [number | null, [number, number, number][]];

function storedFigure(figure: UnitReviewFigure): string {
	const parts = figure.leniency.map((l) => [Number(l.assessorId), l.sum, l.count]);
	return JSON.stringify([figure.maxSpread, parts]);
}

/** What a fill read of a slice of units: their ids and their scored sheets. */
export type FilledUnits = (unitIds: readonly number[], sheets: readonly UnitSheetScores[]) => void;

/** The figures of these units (id → code) from their sheets; a unit with no sheet gets an empty one. */
async function computeFigures(
	db: Db,
	periodId: number,
	indicators: ReadonlyMap<number, string>,
	unitCodes: ReadonlyMap<number, string>,
	onSheets?: FilledUnits
): Promise<{ period_id: number; unit_id: number; figure: string }[]> {
	const sheets = await scoredSheetsOfUnits(db, periodId, indicators, unitCodes);
	onSheets?.([...unitCodes.keys()], sheets);
	const byCode = new Map<string, UnitSheetScores[]>();
	for (const sheet of sheets) {
		const list = byCode.get(sheet.unitCode);
		if (list) list.push(sheet);
		else byCode.set(sheet.unitCode, [sheet]);
	}
	const codes = [...indicators.values()];
	return [...unitCodes].map(([unitId, code]) => ({
		period_id: periodId,
		unit_id: unitId,
		figure: storedFigure(unitReviewFigure(byCode.get(code) ?? [], codes))
	}));
}

async function unitCodesOf(db: Db, unitIds: readonly number[]): Promise<Map<number, string>> {
	const rows = await db.selectFrom('unit').select(['id', 'code']).where('id', 'in', unitIds).execute();
	return new Map(rows.map((r) => [r.id, r.code]));
}

/** Recomputes the rows of these units of a period from their sheets; part of the caller's transaction. */
export async function refreshUnitReviews(
	db: Db,
	periodId: number,
	unitIds: readonly number[]
): Promise<void> {
	if (unitIds.length === 0) return;
	const indicators = await readScoredIndicators(db, periodId);
	for (const slice of slices(unitIds)) {
		await forShare(db, db.selectFrom('period').select('id').where('id', '=', periodId)).execute();
		await forUpdate(db, db.selectFrom('unit').select('id').where('id', 'in', slice)).execute();
		const rows = await computeFigures(db, periodId, indicators, await unitCodesOf(db, slice));
		if (rows.length === 0) continue;
		await db
			.insertInto('unit_review_figure')
			.values(rows)
			.onConflict((oc) =>
				oc.columns(['period_id', 'unit_id']).doUpdateSet((eb) => ({ figure: eb.ref('excluded.figure') }))
			)
			.execute();
	}
}

/** Drops the period's rows, for the next review to fill; part of the caller's transaction. */
export async function clearUnitReviews(db: Db, periodId: number): Promise<void> {
	await forUpdate(db, db.selectFrom('period').select('id').where('id', '=', periodId)).execute();
	await db.deleteFrom('unit_review_figure').where('period_id', '=', periodId).execute();
}

/**
 * Adds the rows missing for units with a regular visit in the period, a slice at a time;
 * `onSheets` sees each slice's sheets, so that a caller reads them once.
 */
export async function fillUnitReviews(
	db: Db,
	periodId: number,
	indicators: ReadonlyMap<number, string>,
	onSheets?: FilledUnits
): Promise<void> {
	const missing = await db
		.selectFrom('visit')
		.innerJoin('unit', 'unit.id', 'visit.unit_id')
		.leftJoin('unit_review_figure as f', (j) =>
			j.onRef('f.period_id', '=', 'visit.period_id').onRef('f.unit_id', '=', 'visit.unit_id')
		)
		.select(['unit.id', 'unit.code'])
		.distinct()
		.where('visit.period_id', '=', periodId)
		.where('visit.kind', '=', 'regular')
		.where('f.unit_id', 'is', null)
		.orderBy('unit.id')
		.execute();
	for (const slice of slices(missing))
		await inTransaction(db, async (trx) => {
			await forUpdate(trx, trx.selectFrom('period').select('id').where('id', '=', periodId)).execute();
			const rows = await computeFigures(
				trx,
				periodId,
				indicators,
				new Map(slice.map((u) => [u.id, u.code])),
				onSheets
			);
			await trx
				.insertInto('unit_review_figure')
				.values(rows)
				.onConflict((oc) => oc.columns(['period_id', 'unit_id']).doNothing())
				.execute();
		});
}

export interface StoredUnitReview extends UnitReviewFigure {
	unitId: number;
}

/** The period's rows in unit id order (the order the review adds them in). */
export async function listUnitReviews(db: Db, periodId: number): Promise<StoredUnitReview[]> {
	const rows = await db
		.selectFrom('unit_review_figure')
		.select(['unit_id', 'figure'])
		.where('period_id', '=', periodId)
		.orderBy('unit_id')
		.execute();
	return rows.map((r) => {
		const [maxSpread, parts] = JSON.parse(r.figure) as StoredFigure;
		return {
			unitId: r.unit_id,
			maxSpread,
			leniency: parts.map(([assessorId, sum, count]) => ({ assessorId, sum, count }))
		};
	});
}
