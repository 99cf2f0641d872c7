import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDatabase, type OpenDatabase } from '../../../src/lib/server/db/connection';
import { migrateToLatest } from '../../../src/lib/server/db/migrate';
import { freshPostgresDatabase } from './pg-template';

export type TestDb = OpenDatabase & {
	/** A file path in the test's own temp folder (the SQLite database on SQLite). */
	path: string;
	/** The environment a spawned command needs to reach this database. */
	env: Record<string, string>;
	cleanup: () => Promise<void>;
};

/**
 * A fresh database built by the real migrations; never a mocked query builder. SQLite by default;
 * with TEST_DATABASE_URL (scripts/test.js sets it to its throwaway cluster) a new PostgreSQL
 * database copied from a migrated template.
 */
export async function createTestDb(): Promise<TestDb> {
	const dir = mkdtempSync(join(tmpdir(), 'rapor-int-'));
	const path = join(dir, 'test.db');
	const admin = process.env.TEST_DATABASE_URL;
	if (admin) {
		const name = `rapor_t_${randomBytes(6).toString('hex')}`;
		const fresh = await freshPostgresDatabase(admin, name);
		const opened = openDatabase(fresh.url);
		return {
			...opened,
			path,
			env: { DATABASE_URL: fresh.url, DATABASE_PATH: path },
			cleanup: async () => {
				await opened.db.destroy();
				await fresh.drop();
				rmSync(dir, { recursive: true, force: true });
			}
		};
	}
	const opened = openDatabase(path);
	await migrateToLatest(opened.db);
	return {
		...opened,
		path,
		env: { DATABASE_PATH: path },
		cleanup: async () => {
			await opened.db.destroy();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
