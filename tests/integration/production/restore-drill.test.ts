import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../../src/lib/server/cli/prepare';
import { openDatabase } from '../../../src/lib/server/db/connection';
import { loadResultsJson } from '../../../src/lib/server/results/results.service';
import { holdDatabase } from '../../../src/lib/server/backup/server-lock';
import { admin, rowCounts, tempSetup } from './support';

// README "Production", the restore drill: seed the demo, back up, change data, restore; results
// and row counts equal those at the backup. Backup and restore run as the operator runs them.
const now = new Date('2026-11-29T03:00:00Z');
let s: ReturnType<typeof tempSetup>;
beforeAll(async () => {
	s = tempSetup({ DEMO_SEED: '1' });
	await prepareDatabase({ config: s.config, log: () => {}, now });
}, 120_000);
afterAll(() => s.cleanup());

async function results(): Promise<string[]> {
	const { db } = openDatabase(s.config.databasePath);
	try {
		// recomputed from the rows, not served from the cache of a running period
		await sql`delete from period_result_cache`.execute(db);
		return await Promise.all(
			['MPP-2025', 'MPP-2026'].map(async (code) => (await loadResultsJson(db, code, now))!.json)
		);
	} finally {
		await db.destroy();
	}
}

async function changeData(): Promise<void> {
	const { db } = openDatabase(s.config.databasePath);
	await sql`update score set score = 5`.execute(db);
	await sql`update unit set name = name || ' (diubah)'`.execute(db);
	await sql`delete from audit_log`.execute(db);
	await db.destroy();
}

describe('the restore drill', () => {
	it('brings back the results and row counts of the backup, keeping the replaced database aside', async () => {
		const resultsAtBackup = await results();
		const countsAtBackup = rowCounts(s.config.databasePath);
		expect(countsAtBackup.unit).toBe(70);
		const file = join(s.dir, 'drill.db');
		const backup = admin(s.config.databasePath, 'backup', file);
		expect(backup.err).toBe('');
		expect(backup.code).toBe(0);

		await changeData();
		const changed = await results();
		expect(changed[1]).not.toBe(resultsAtBackup[1]);
		expect(rowCounts(s.config.databasePath)).not.toEqual(countsAtBackup);

		// a running server holds the database: restore refuses and changes nothing
		const release = holdDatabase(s.config.databasePath);
		const refused = admin(s.config.databasePath, 'restore', file);
		release();
		expect(refused.code).toBe(1);
		expect(refused.err).toBe(
			`server (pid ${process.pid}) sedang memakai ${s.config.databasePath}; hentikan dulu\n`
		);
		expect(await results()).toEqual(changed);

		const restored = admin(s.config.databasePath, 'restore', file);
		expect(restored.err).toBe('');
		expect(restored.code).toBe(0);
		const aside = /disimpan sebagai (\S+)\.$/m.exec(restored.out)![1];
		expect(existsSync(aside)).toBe(true);
		expect(rowCounts(s.config.databasePath)).toEqual(countsAtBackup);
		expect(await results()).toEqual(resultsAtBackup);
		// the replaced database is whole: it still has the changed data
		expect(rowCounts(aside).audit_log).toBe(0);
	}, 180_000);

	it('refuses a file that is not a sound backup of a known schema version', async () => {
		const garbage = join(s.dir, 'garbage.db');
		writeFileSync(garbage, 'SQLite format 3\0'.padEnd(8192, 'x'));
		const bad = admin(s.config.databasePath, 'restore', garbage);
		expect(bad.code).toBe(1);
		expect(bad.err).toMatch(/^.*garbage\.db: /);

		const newer = join(s.dir, 'newer.db');
		expect(admin(s.config.databasePath, 'backup', newer).code).toBe(0);
		const { db } = openDatabase(newer);
		await sql`insert into kysely_migration (name, timestamp) values ('29990101_0000_from_the_future', '2999-01-01')`.execute(
			db
		);
		await db.destroy();
		const future = admin(s.config.databasePath, 'restore', newer);
		expect(future.code).toBe(1);
		expect(future.err).toBe(
			`${newer}: versi skema lebih baru dari aplikasi ini (migrasi tidak dikenal: 29990101_0000_from_the_future)\n`
		);
		expect(admin(s.config.databasePath, 'restore', join(s.dir, 'missing.db')).err).toContain('tidak ada');
	}, 120_000);
});
