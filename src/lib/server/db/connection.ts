import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database as Schema } from './schema';

export type Db = Kysely<Schema>;

export interface OpenDatabase {
	db: Db;
	sqlite: Database.Database;
}

export function openDatabase(path: string): OpenDatabase {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	// Writers queue instead of failing at once when the CLI and the server write together.
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = NORMAL');
	const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
	return { db, sqlite };
}
