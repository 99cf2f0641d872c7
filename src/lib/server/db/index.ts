import { readConfig } from '../config';
import { databaseTarget, openDatabase, type Db, type OpenDatabase } from './connection';

// One connection per server process (better-sqlite3 is synchronous and safe to share; on
// PostgreSQL one pool).
let opened: OpenDatabase | undefined;

export function getDatabase(): OpenDatabase {
	opened ??= openDatabase(databaseTarget(readConfig()));
	return opened;
}

export function getDb(): Db {
	return getDatabase().db;
}

export type { Db };
