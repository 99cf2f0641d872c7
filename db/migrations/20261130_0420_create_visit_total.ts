import type { Kysely } from 'kysely';

// One row per visit with submitted sheets: how many, by whom, and per aspect the sum over those
// sheets of Σ w_i·s_i (docs/rules.md §4.2). Results at national scale read one row per
// unit-visit instead of one per sheet and aspect (README, "Benchmark"). The application keeps
// the rows current whenever a sheet is submitted, reopened, replaced or removed
// (src/lib/server/sheets/visit-total.repository.ts); this migration fills them for the sheets
// already there, adding sheets in id order as the application does.
// Frozen in time: never edit once landed.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('visit_total')
		.addColumn('visit_id', 'integer', (c) => c.primaryKey().references('visit.id').onDelete('cascade'))
		.addColumn('sheet_count', 'integer', (c) => c.notNull())
		// Comma-separated user ids, in the order first seen.
		.addColumn('assessor_ids', 'text', (c) => c.notNull())
		// JSON object: aspect id -> sum (null when some sheet lacked that aspect).
		.addColumn('aspect_sums', 'text', (c) => c.notNull())
		.execute();

	const rows = await db
		.selectFrom('score_sheet as s')
		.leftJoin('sheet_aspect_sum as a', 'a.sheet_id', 's.id')
		.select(['s.visit_id', 's.id as sheet_id', 's.assessor_id', 'a.aspect_id', 'a.weighted_sum'])
		.where('s.status', '=', 'submitted')
		.orderBy('s.visit_id')
		.orderBy('s.id')
		.orderBy('a.aspect_id')
		.execute();
	type Total = { sheets: number[]; assessors: number[]; sums: Record<string, number> };
	const totals = new Map<number, Total>();
	for (const r of rows) {
		const visitId = Number(r.visit_id);
		let t = totals.get(visitId);
		if (!t) totals.set(visitId, (t = { sheets: [], assessors: [], sums: {} }));
		const sheetId = Number(r.sheet_id);
		if (!t.sheets.includes(sheetId)) t.sheets.push(sheetId);
		const assessor = Number(r.assessor_id);
		if (!t.assessors.includes(assessor)) t.assessors.push(assessor);
		if (r.aspect_id === null || r.weighted_sum === null) continue;
		const key = String(r.aspect_id);
		t.sums[key] = (t.sums[key] ?? 0) + Number(r.weighted_sum);
	}
	const values = [...totals].map(([visitId, t]) => ({
		visit_id: visitId,
		sheet_count: t.sheets.length,
		assessor_ids: t.assessors.join(','),
		aspect_sums: JSON.stringify(t.sums)
	}));
	for (let i = 0; i < values.length; i += 500)
		await db
			.insertInto('visit_total')
			.values(values.slice(i, i + 500))
			.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('visit_total').execute();
}
