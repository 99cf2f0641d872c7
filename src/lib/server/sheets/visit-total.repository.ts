import type { Db } from '../db/connection';
import { addSheetToVisitTotal, emptyVisitTotal, type VisitTotal } from '../../domain/scoring/visit-totals';

// The per-visit totals of submitted sheets (table visit_total, docs/rules.md §4.2): recomputed
// from the sheets' aspect sums whenever a sheet of the visit is submitted, reopened, replaced or
// removed, so that period results read one row per unit-visit (README, "Benchmark"). Sums are
// keyed by aspect id here; the results service maps them to aspect codes.

export interface VisitTotalRow {
	visit_id: number;
	sheet_count: number;
	assessor_ids: string;
	aspect_sums: string;
}

/** The stored form of a total (visit_total row). */
export function visitTotalRow(visitId: number, total: VisitTotal): VisitTotalRow {
	return {
		visit_id: visitId,
		sheet_count: total.sheets,
		assessor_ids: total.assessorIds.join(','),
		aspect_sums: JSON.stringify(total.aspectSums)
	};
}

/** Recomputes the totals of these visits from their submitted sheets (sheet id order). */
export async function refreshVisitTotals(db: Db, visitIds: Iterable<number>): Promise<void> {
	const ids = [...new Set(visitIds)].filter((id) => id > 0);
	for (let i = 0; i < ids.length; i += 500) await refreshBatch(db, ids.slice(i, i + 500));
}

async function refreshBatch(db: Db, ids: number[]): Promise<void> {
	const rows = await db
		.selectFrom('score_sheet as s')
		.leftJoin('sheet_aspect_sum as a', 'a.sheet_id', 's.id')
		.select(['s.visit_id', 's.id as sheet_id', 's.assessor_id', 'a.aspect_id', 'a.weighted_sum'])
		.where('s.visit_id', 'in', ids)
		.where('s.status', '=', 'submitted')
		.orderBy('s.visit_id')
		.orderBy('s.id')
		.orderBy('a.aspect_id')
		.execute();
	const totals = new Map<number, VisitTotal>();
	let at = 0;
	while (at < rows.length) {
		const { visit_id, sheet_id, assessor_id } = rows[at];
		const sums: Record<string, number> = {};
		for (; at < rows.length && rows[at].sheet_id === sheet_id; at++) {
			const { aspect_id, weighted_sum } = rows[at];
			// A submitted sheet without sums still counts as a visit by its assessor.
			if (aspect_id !== null && weighted_sum !== null) sums[String(aspect_id)] = weighted_sum;
		}
		let total = totals.get(visit_id);
		if (!total) totals.set(visit_id, (total = emptyVisitTotal(0)));
		addSheetToVisitTotal(total, assessor_id, sums);
	}
	await db.deleteFrom('visit_total').where('visit_id', 'in', ids).execute();
	const values = [...totals].map(([visitId, total]) => visitTotalRow(visitId, total));
	if (values.length) await db.insertInto('visit_total').values(values).execute();
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
