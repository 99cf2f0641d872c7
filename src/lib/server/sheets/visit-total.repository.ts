import type { Db } from '../db/connection';
import type { SheetAspectSums } from '../../domain/scoring/types';
import { visitTotalsOfSheets, type VisitTotal } from '../../domain/scoring/visit-totals';
import { slices } from '../db/slices';
import { clearUnitReviews, refreshUnitReviews } from '../review/unit-review.repository';

// The totals of submitted sheets (table unit_visit_total, docs/rules.md §4.2): one row per unit
// of a period holding its regular visits' totals in visit order, recomputed from the sheets'
// aspect sums whenever a sheet of one of those visits is submitted, reopened, replaced or removed, and
// with them the units' review figures (review/unit-review.repository.ts).
// Period results then read one row per unit (README, "Benchmark"). Only regular visits enter
// results (docs/rules.md §5): follow-up and calibration visits have no totals. Sums are keyed by
// aspect id here; the results service maps them to aspect codes.

export interface UnitVisitTotalRow {
	period_id: number;
	unit_id: number;
	visits: string;
}

/** A visit's total as stored: visit number, sheet count, comma-separated assessor ids, sums by aspect id. */
type StoredVisitTotal = [number, number, string, Record<string, number | null>];

/** The stored form of a unit's totals: visits with sheets, in visit order. */
export function unitVisitTotalRow(
	periodId: number,
	unitId: number,
	totals: readonly VisitTotal[]
): UnitVisitTotalRow {
	const visits: StoredVisitTotal[] = totals
		.filter((t) => t.sheets > 0)
		.sort((a, b) => a.visitNo - b.visitNo)
		.map((t) => [t.visitNo, t.sheets, t.assessorIds.join(','), t.aspectSums]);
	return { period_id: periodId, unit_id: unitId, visits: JSON.stringify(visits) };
}

/**
 * The totals of a stored row. The same few assessor teams visit many units: `teams` keeps one
 * list per team, shared by every total of that team and never modified.
 */
export function parseUnitVisitTotals(visits: string, teams: Map<string, string[]>): VisitTotal[] {
	const stored = JSON.parse(visits) as StoredVisitTotal[];
	const totals: VisitTotal[] = new Array(stored.length);
	for (let i = 0; i < stored.length; i++) {
		const [visitNo, sheets, assessors, aspectSums] = stored[i];
		let team = teams.get(assessors);
		if (!team) teams.set(assessors, (team = assessors === '' ? [] : assessors.split(',')));
		totals[i] = { visitNo, sheets, assessorIds: team, aspectSums };
	}
	return totals;
}

/**
 * Recomputes the totals of the units of these visits (regular visits only) from their submitted
 * sheets, and their review figures unless `reviewsCleared` (an import clears the period's figures
 * and leaves them to the next review: computing them here would read every score it wrote).
 */
export async function refreshVisitTotals(
	db: Db,
	visitIds: Iterable<number>,
	{ reviewsCleared = false } = {}
): Promise<void> {
	const ids = [...new Set(visitIds)].filter((id) => id > 0);
	const unitsByPeriod = new Map<number, Set<number>>();
	for (const slice of slices(ids)) {
		const visits = await db
			.selectFrom('visit')
			.select(['period_id', 'unit_id'])
			.where('id', 'in', slice)
			.where('kind', '=', 'regular')
			.execute();
		for (const v of visits) {
			let units = unitsByPeriod.get(v.period_id);
			if (!units) unitsByPeriod.set(v.period_id, (units = new Set()));
			units.add(v.unit_id);
		}
	}
	for (const [periodId, units] of unitsByPeriod) {
		const unitIds = [...units];
		for (const slice of slices(unitIds)) await refreshUnits(db, periodId, slice);
		// The units' review figures follow their sheets the same way (review/unit-review.repository.ts).
		if (!reviewsCleared) await refreshUnitReviews(db, periodId, unitIds);
	}
}

/** Every unit of the period anew: after a period's sheets are put back as they were. */
export async function refreshPeriodVisitTotals(db: Db, periodId: number): Promise<void> {
	await db.deleteFrom('unit_visit_total').where('period_id', '=', periodId).execute();
	const units = await db
		.selectFrom('visit')
		.select('unit_id')
		.distinct()
		.where('period_id', '=', periodId)
		.where('kind', '=', 'regular')
		.execute();
	const unitIds = units.map((u) => u.unit_id);
	for (const slice of slices(unitIds)) await refreshUnits(db, periodId, slice);
	// Every unit's review figure is filled anew by the next review, not here: recomputing them
	// would read every score of the period (README, "Benchmark").
	await clearUnitReviews(db, periodId);
}

async function refreshUnits(db: Db, periodId: number, unitIds: number[]): Promise<void> {
	// Sheets in id order within a visit, so that the sums' last bits never depend on the path
	// that wrote them (domain/scoring/visit-totals.ts).
	const rows = await db
		.selectFrom('score_sheet as s')
		.innerJoin('visit as v', 'v.id', 's.visit_id')
		.leftJoin('sheet_aspect_sum as a', 'a.sheet_id', 's.id')
		.select(['v.unit_id', 'v.visit_no', 's.id as sheet_id', 's.assessor_id', 'a.aspect_id', 'a.weighted_sum'])
		.where('v.period_id', '=', periodId)
		.where('v.kind', '=', 'regular')
		.where('v.unit_id', 'in', unitIds)
		.where('s.status', '=', 'submitted')
		.orderBy('v.unit_id')
		.orderBy('v.visit_no')
		.orderBy('s.id')
		.orderBy('a.aspect_id')
		.execute();
	const sheetsOfUnit = new Map<number, SheetAspectSums[]>();
	let at = 0;
	while (at < rows.length) {
		const { unit_id, visit_no, sheet_id, assessor_id } = rows[at];
		const sums: Record<string, number> = {};
		for (; at < rows.length && rows[at].sheet_id === sheet_id; at++) {
			const { aspect_id, weighted_sum } = rows[at];
			// A submitted sheet without sums still counts as a visit by its assessor.
			if (aspect_id !== null && weighted_sum !== null) sums[String(aspect_id)] = weighted_sum;
		}
		let sheets = sheetsOfUnit.get(unit_id);
		if (!sheets) sheetsOfUnit.set(unit_id, (sheets = []));
		sheets.push({ visitNo: visit_no, assessorId: assessor_id, aspectSums: sums });
	}
	await db
		.deleteFrom('unit_visit_total')
		.where('period_id', '=', periodId)
		.where('unit_id', 'in', unitIds)
		.execute();
	const values = [...sheetsOfUnit].map(([unitId, sheets]) =>
		unitVisitTotalRow(periodId, unitId, visitTotalsOfSheets(sheets))
	);
	if (values.length) await db.insertInto('unit_visit_total').values(values).execute();
}

/** After a change to one sheet (its status, sums or existence). */
export async function refreshVisitTotalOfSheet(db: Db, sheetId: number): Promise<void> {
	const sheet = await db
		.selectFrom('score_sheet')
		.select('visit_id')
		.where('id', '=', sheetId)
		.executeTakeFirst();
	if (sheet) await refreshVisitTotals(db, [sheet.visit_id]);
}
