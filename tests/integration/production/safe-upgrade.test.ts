import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { sql, type Kysely, type Migration } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareDatabase, StartRefused } from '../../../src/lib/server/cli/prepare';
import { shippedMigrations } from '../../../src/lib/server/db/migrate';
import { listBackups } from '../../../src/lib/server/backup/database-backup';
import { rowCounts, schemaOf, tempSetup } from './support';

// README "Production", safe upgrades: pending migrations are applied after a backup, in one
// transaction. The migrations are injected so that one can fail on purpose.
let s: ReturnType<typeof tempSetup>;
beforeEach(async () => {
	s = tempSetup();
	await prepareDatabase({ config: s.config, log: () => {} });
});
afterEach(() => s.cleanup());

const addColumn: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema.alterTable('unit').addColumn('motto', 'text').execute();
		await sql`update unit set motto = 'melayani'`.execute(db);
	}
};
const broken: Migration = {
	async up(db: Kysely<unknown>) {
		await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
		await sql`insert into no_such_table values (1)`.execute(db);
	}
};

function appliedMigrations(path: string): string[] {
	const sqlite = new Database(path, { readonly: true });
	const names = (
		sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]
	).map((r) => r.name);
	sqlite.close();
	return names;
}

describe('starting a new version with pending migrations', () => {
	it('makes no backup on a fresh database and one before an upgrade', async () => {
		expect(listBackups(s.config.backupDir)).toEqual([]);
		const lines: string[] = [];
		await prepareDatabase({
			config: s.config,
			migrations: { ...shippedMigrations, '29990101_0000_add_unit_motto': addColumn },
			log: (l) => lines.push(l)
		});
		const backups = listBackups(s.config.backupDir);
		expect(backups.map((b) => b.kind)).toEqual(['pre-upgrade']);
		expect(lines[0]).toBe(`Cadangan sebelum 1 migrasi: ${backups[0].path}`);
		expect(appliedMigrations(backups[0].path)).toEqual(Object.keys(shippedMigrations).sort());
		expect(appliedMigrations(s.config.databasePath)).toContain('29990101_0000_add_unit_motto');
	});

	it('leaves the database as it was when one of them fails, and names the backup', async () => {
		const schemaBefore = schemaOf(s.config.databasePath);
		const countsBefore = rowCounts(s.config.databasePath);
		const attempt = prepareDatabase({
			config: s.config,
			migrations: {
				...shippedMigrations,
				'29990101_0000_add_unit_motto': addColumn,
				'29990101_0001_broken': broken
			},
			log: () => {}
		});
		await expect(attempt).rejects.toThrow(StartRefused);
		const message = await attempt.catch((e: Error) => e.message);
		const [backup] = listBackups(s.config.backupDir);
		expect(message).toBe(
			`Pemutakhiran dibatalkan: migrasi 29990101_0001_broken gagal: no such table: no_such_table. ` +
				`Basis data tidak diubah; cadangan sebelum pemutakhiran: ${backup.path}.`
		);
		expect(existsSync(backup.path)).toBe(true);
		// the first (good) migration was rolled back with the broken one: one transaction
		expect(schemaOf(s.config.databasePath)).toEqual(schemaBefore);
		expect(rowCounts(s.config.databasePath)).toEqual(countsBefore);
		expect(appliedMigrations(s.config.databasePath)).toEqual(Object.keys(shippedMigrations).sort());
	});
});
