import { afterEach, expect, it } from 'vitest';
import type { TestDb } from '../support/test-db';
import { migrateToLatest, shippedMigrations } from '../../../src/lib/server/db/migrate';
import { exampleWithAdmin } from '../publication/support';
import { readStoredVisitTotals } from './support';

// db/migrations/20261201_1200_unit_visit_total.ts carries the per-visit totals of a database in
// use (table visit_total) over to one row per unit, regular visits only, and drops the old table.
const NAME = '20261201_1200_unit_visit_total';

let t: TestDb;
afterEach(async () => t?.cleanup());

it('moves every regular visit total to its unit, in visit order, and leaves other visits out', async () => {
	t = (await exampleWithAdmin()).t;
	const db = t.db as any;
	const expected = await readStoredVisitTotals(t.db);
	expect(expected.length).toBeGreaterThan(3);
	const units = await t.db.selectFrom('unit_visit_total').selectAll().orderBy('unit_id').execute();

	// The database as it was before the migration: the migrations after it undone, newest first
	// (the migrator applies pending migrations only after every applied one)...
	for (const later of Object.keys(shippedMigrations)
		.filter((name) => name > NAME)
		.reverse()) {
		await shippedMigrations[later].down!(db);
		await db.deleteFrom('kysely_migration').where('name', '=', later).execute();
	}
	// ...and per-visit rows, one of them a follow-up visit's.
	await db.schema
		.createTable('visit_total')
		.addColumn('visit_id', 'integer', (c: any) => c.primaryKey().references('visit.id').onDelete('cascade'))
		.addColumn('sheet_count', 'integer', (c: any) => c.notNull())
		.addColumn('assessor_ids', 'text', (c: any) => c.notNull())
		.addColumn('aspect_sums', 'text', (c: any) => c.notNull())
		.execute();
	// Newest visits first: the migration must put each unit's visits in visit order itself.
	await db
		.insertInto('visit_total')
		.values([...expected].sort((a, b) => b.visit_id - a.visit_id))
		.execute();
	const first = (await t.db.selectFrom('visit').selectAll().orderBy('id').executeTakeFirstOrThrow())!;
	const followUp = await t.db
		.insertInto('visit')
		.values({
			period_id: first.period_id,
			unit_id: first.unit_id,
			visit_no: 1,
			kind: 'follow_up',
			created_at: 0
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('visit_total')
		.values({ visit_id: followUp.id, sheet_count: 1, assessor_ids: '1', aspect_sums: '{"1":0}' })
		.execute();
	await t.db.deleteFrom('unit_visit_total').execute();
	await t.db.schema.dropTable('unit_visit_total').execute();
	await db.deleteFrom('kysely_migration').where('name', '=', NAME).execute();

	await migrateToLatest(t.db);
	expect(await t.db.selectFrom('unit_visit_total').selectAll().orderBy('unit_id').execute()).toEqual(units);
	expect(await readStoredVisitTotals(t.db)).toEqual(expected);
	await expect(db.selectFrom('visit_total').selectAll().execute()).rejects.toThrow();
});
