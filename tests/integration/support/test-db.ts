import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type OpenDatabase } from '../../../src/lib/server/db/connection';
import { migrateToLatest } from '../../../src/lib/server/db/migrate';

export interface TestDb extends OpenDatabase {
	path: string;
	cleanup: () => Promise<void>;
}

/** A fresh SQLite file built by the real migrations; never a mocked query builder. */
export async function createTestDb(): Promise<TestDb> {
	const dir = mkdtempSync(join(tmpdir(), 'rapor-int-'));
	const path = join(dir, 'test.db');
	const opened = openDatabase(path);
	await migrateToLatest(opened.db);
	return {
		...opened,
		path,
		cleanup: async () => {
			await opened.db.destroy();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
