import Database from 'better-sqlite3';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database as Schema } from './schema';
import { setPostgresTypeParsers, type Engine } from './dialect';

export type Db = Kysely<Schema>;

export interface OpenSqlite {
	db: Db;
	engine: 'sqlite';
	sqlite: Database.Database;
}

export interface OpenPostgres {
	db: Db;
	engine: 'postgres';
	/** No better-sqlite3 handle on PostgreSQL. */
	sqlite: null;
}

export type OpenDatabase = OpenSqlite | OpenPostgres;
export type { Engine };

// The better-sqlite3 handle behind each Kysely instance opened here, for the few bulk reads
// where building row objects would cost more than the query (README, Benchmark: results of 80,000 units).
const rawHandles = new WeakMap<object, Database.Database>();

/** The raw handle of a Kysely instance from openDatabase; null for a transaction, PostgreSQL or another instance. */
export function rawHandleOf(db: Db): Database.Database | null {
	return rawHandles.get(db) ?? null;
}

/** True for a `postgres://` or `postgresql://` address (DATABASE_URL) rather than a SQLite path. */
export function isPostgresUrl(target: string): boolean {
	return /^postgres(ql)?:\/\//i.test(target);
}

/** Where the configured database is: DATABASE_URL when set, DATABASE_PATH otherwise (README "Environment"). */
export function databaseTarget(config: { databasePath: string; databaseUrl: string | null }): string {
	return config.databaseUrl ?? config.databasePath;
}

/** Opens a SQLite file, or a PostgreSQL pool when target is a postgres:// address. */
export function openDatabase(target: string): OpenDatabase {
	return isPostgresUrl(target) ? openPostgres(target) : openSqlite(target);
}

/** Opens a SQLite file (backups, restore and benchmarks need the handle itself). */
export function openSqlite(target: string): OpenSqlite {
	if (target !== ':memory:') mkdirSync(dirname(target), { recursive: true });
	const sqlite = new Database(target);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	// Writers queue instead of failing at once when the CLI and the server write together.
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = NORMAL');
	const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
	rawHandles.set(db, sqlite);
	return { db, engine: 'sqlite', sqlite };
}

function openPostgres(url: string): OpenPostgres {
	setPostgresTypeParsers();
	const pool = new pg.Pool({ connectionString: url, max: 10 });
	// An idle client losing its server (restart, failover) must not crash the process; the
	// pool replaces it on the next query.
	pool.on('error', () => {});
	const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
	return { db, engine: 'postgres', sqlite: null };
}
