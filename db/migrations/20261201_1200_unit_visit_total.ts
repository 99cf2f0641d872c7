import type { Kysely } from 'kysely';

// The totals of submitted sheets move from one row per visit (visit_total) to one row per unit
// of a period: the totals of its regular visits, in visit order. Period results read this table
// and nothing else per unit, and at 80,000 units half as many rows cost much less to read
// (README, "Benchmark"). Only regular visits enter results (docs/rules.md §5), so follow-up and
// calibration visits have no totals any more. The stored form is
// sheets/visit-total.repository.ts's: [[visit_no, sheet_count, "assessor ids", {aspect id: sum}], ...].
// The application keeps the rows current whenever a sheet is submitted, reopened, replaced or
// removed; this migration carries the existing totals over as they are.
// Frozen in time: never edit once landed.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('unit_visit_total')
		.addColumn('period_id', 'integer', (c) => c.notNull().references('period.id').onDelete('cascade'))
		.addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
		.addColumn('visits', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('unit_visit_total_pk', ['period_id', 'unit_id'])
		.execute();

	const rows = await db
		.selectFrom('visit_total as t')
		.innerJoin('visit as v', 'v.id', 't.visit_id')
		.select(['v.period_id', 'v.unit_id', 'v.visit_no', 't.sheet_count', 't.assessor_ids', 't.aspect_sums'])
		.where('v.kind', '=', 'regular')
		.orderBy('v.period_id')
		.orderBy('v.unit_id')
		.orderBy('v.visit_no')
		.execute();
	const units = new Map<string, { period_id: number; unit_id: number; visits: unknown[] }>();
	for (const r of rows) {
		const key = `${r.period_id}:${r.unit_id}`;
		let unit = units.get(key);
		if (!unit)
			units.set(key, (unit = { period_id: Number(r.period_id), unit_id: Number(r.unit_id), visits: [] }));
		unit.visits.push([Number(r.visit_no), Number(r.sheet_count), r.assessor_ids, JSON.parse(r.aspect_sums)]);
	}
	const values = [...units.values()].map((u) => ({ ...u, visits: JSON.stringify(u.visits) }));
	for (let i = 0; i < values.length; i += 500)
		await db
			.insertInto('unit_visit_total')
			.values(values.slice(i, i + 500))
			.execute();
	await db.schema.dropTable('visit_total').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('visit_total')
		.addColumn('visit_id', 'integer', (c) => c.primaryKey().references('visit.id').onDelete('cascade'))
		.addColumn('sheet_count', 'integer', (c) => c.notNull())
		.addColumn('assessor_ids', 'text', (c) => c.notNull())
		.addColumn('aspect_sums', 'text', (c) => c.notNull())
		.execute();
	const units = await db.selectFrom('unit_visit_total').selectAll().execute();
	const visits = await db
		.selectFrom('visit')
		.select(['id', 'period_id', 'unit_id', 'visit_no'])
		.where('kind', '=', 'regular')
		.execute();
	const visitId = new Map(visits.map((v) => [`${v.period_id}:${v.unit_id}:${v.visit_no}`, Number(v.id)]));
	const values = units.flatMap((u) =>
		(JSON.parse(u.visits) as [number, number, string, unknown][]).map(
			([visitNo, sheets, assessors, sums]) => ({
				visit_id: visitId.get(`${u.period_id}:${u.unit_id}:${visitNo}`)!,
				sheet_count: sheets,
				assessor_ids: assessors,
				aspect_sums: JSON.stringify(sums)
			})
		)
	);
	for (let i = 0; i < values.length; i += 500)
		await db
			.insertInto('visit_total')
			.values(values.slice(i, i + 500))
			.execute();
	await db.schema.dropTable('unit_visit_total').execute();
}
