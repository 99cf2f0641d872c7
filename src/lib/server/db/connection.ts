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

// The better-sqlite3 handle behind each Kysely instance opened here, for the few bulk reads
// where building row objects would cost more than the query (README, Benchmark: results of 80,000 units).
const rawHandles = new WeakMap<object, Database.Database>();

/** The raw handle of a Kysely instance from openDatabase; null for a transaction or another instance. */
export function rawHandleOf(db: Db): Database.Database | null {
	return rawHandles.get(db) ?? null;
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
	rawHandles.set(db, sqlite);
	return { db, sqlite };
}
