import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig, type AppConfig } from '../../../src/lib/server/config';

/** A configuration whose database, uploads and backups live in a fresh temporary folder. */
export function tempSetup(over: Record<string, string> = {}): {
	dir: string;
	config: AppConfig;
	cleanup: () => void;
} {
	const dir = mkdtempSync(join(tmpdir(), 'rapor-prod-'));
	const config = readConfig({
		DATABASE_PATH: join(dir, 'rapor.db'),
		UPLOAD_DIR: join(dir, 'uploads'),
		BACKUP_DIR: join(dir, 'backups'),
		DEMO_SEED: '0',
		...over
	});
	return { dir, config, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Row count of every table, by name. */
export function rowCounts(path: string): Record<string, number> {
	const sqlite = new Database(path, { readonly: true });
	try {
		const tables = sqlite
			.prepare(
				`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`
			)
			.all() as { name: string }[];
		return Object.fromEntries(
			tables.map(({ name }) => [
				name,
				(sqlite.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n
			])
		);
	} finally {
		sqlite.close();
	}
}

/** The schema as SQLite stores it, for "unchanged" comparisons. */
export function schemaOf(path: string): string[] {
	const sqlite = new Database(path, { readonly: true });
	try {
		return (
			sqlite.prepare('select sql from sqlite_master where sql is not null order by name').all() as {
				sql: string;
			}[]
		).map((r) => r.sql);
	} finally {
		sqlite.close();
	}
}

/** `npm run admin -- ...` against databasePath, as an operator runs it. */
export function admin(databasePath: string, ...args: string[]) {
	const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/lib/server/cli/main.ts', ...args], {
		env: { PATH: process.env.PATH, DATABASE_PATH: databasePath },
		encoding: 'utf8'
	});
	return { code: run.status, out: run.stdout, err: run.stderr };
}
