import { sql, type Kysely } from 'kysely';

// The review of a period (disagreement flags and leniency, docs/rules.md §4.10–4.11) read every
// score of the period each time: about 45 s on a national period (README, "Benchmark"). Each
// unit's part of it is kept here instead, one row per unit of a period, in the stored form of
// review/unit-review.repository.ts: [widest spread or null, [[assessor id, Σ deviation, pairs], ...]].
// The application writes a unit's row whenever its visit totals are recomputed, and fills the
// missing rows when a review reads them; no row needs carrying over, so this migration only
// creates the table.
// Frozen in time: never edit once landed.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('unit_review_figure')
		.addColumn('period_id', 'integer', (c) => c.notNull().references('period.id').onDelete('cascade'))
		.addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
		.addColumn('figure', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('unit_review_figure_pk', ['period_id', 'unit_id'])
		.modifyEnd(sql`strict`)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('unit_review_figure').execute();
}
