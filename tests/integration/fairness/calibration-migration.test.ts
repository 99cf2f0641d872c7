import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openSqlite } from '../../../src/lib/server/db/connection';
import { migrateToLatest, shippedMigrations } from '../../../src/lib/server/db/migrate';
import { seedDemoCity } from '../../../db/seeds/demo-city';
import type BetterSqlite3 from 'better-sqlite3';
import { listCopiedTables } from '../../../src/lib/server/backup/copy-database.repository';

// Migration 20261129_1900 rebuilds `visit` to allow calibration visits: an existing database
// keeps every visit, team, sheet and score, foreign keys stay on and point at the new table.
const dir = mkdtempSync(join(tmpdir(), 'rapor-kal-mig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const counts = sql<{ v: number; a: number; s: number; sc: number; fk: number }>`select
	(select count(*) from visit) v, (select count(*) from visit_assessor) a,
	(select count(*) from score_sheet) s, (select count(*) from score) sc,
	(select count(*) from pragma_foreign_key_list('score_sheet') where "table" = 'visit') fk`;

/**
 * The demo city as a database of the older schema holds it: seeded with today's code into a
 * database of the latest schema, then the columns both schemas have copied table by table
 * (referenced tables first), since today's seed writes tables the older schema lacks.
 */
async function copyDemoInto(target: BetterSqlite3.Database, demoPath: string): Promise<void> {
	const demo = openSqlite(demoPath);
	await migrateToLatest(demo.db);
	await seedDemoCity(demo.db, new Date('2026-11-22T03:00:00Z'));
	await demo.db.destroy();
	target.exec(`attach database '${demoPath}' as demo`);
	for (const table of listCopiedTables(target)) {
		const names = (schema: string) =>
			(
				target.prepare(`select name from pragma_table_info(?, ?)`).all(table, schema) as { name: string }[]
			).map((c) => c.name);
		const shared = names('main').filter((c) => names('demo').includes(c));
		const columns = shared.map((c) => `"${c}"`).join(', ');
		target.exec(`insert into main."${table}" (${columns}) select ${columns} from demo."${table}"`);
	}
	target.exec('detach database demo');
}

describe('calibration migration on a database with data', { timeout: 240_000 }, () => {
	it('keeps every visit, sheet and score, and accepts calibration visits afterwards', async () => {
		const { db, sqlite } = openSqlite(join(dir, 'upgrade.db'));
		try {
			const older = Object.fromEntries(
				Object.entries(shippedMigrations).filter(([name]) => name < '20261129_1900')
			);
			await migrateToLatest(db, older);
			await copyDemoInto(sqlite, join(dir, 'demo.db'));
			const before = (await counts.execute(db)).rows[0];
			expect(before.s).toBeGreaterThan(100);
			await migrateToLatest(db);
			expect((await counts.execute(db)).rows[0]).toEqual(before);
			expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
			expect(sqlite.pragma('foreign_key_check')).toEqual([]);
			const v = await db.selectFrom('visit').select(['period_id', 'unit_id']).executeTakeFirstOrThrow();
			await db
				.insertInto('visit')
				.values({ ...v, visit_no: 1, kind: 'calibration', created_at: 0 })
				.execute();
			// Cascades still work on the rebuilt table: deleting a visit removes its sheets.
			const sheet = await db.selectFrom('score_sheet').select(['id', 'visit_id']).executeTakeFirstOrThrow();
			await db.deleteFrom('visit').where('id', '=', sheet.visit_id).execute();
			expect(
				await db.selectFrom('score_sheet').select('id').where('id', '=', sheet.id).executeTakeFirst()
			).toBeUndefined();
		} finally {
			await db.destroy();
		}
	});
});
