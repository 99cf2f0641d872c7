import { readConfig } from '../config';
import { openDatabase, type Db, type OpenDatabase } from './connection';

// One connection per server process (better-sqlite3 is synchronous and safe to share).
let opened: OpenDatabase | undefined;

export function getDatabase(): OpenDatabase {
	opened ??= openDatabase(readConfig().databasePath);
	return opened;
}

export function getDb(): Db {
	return getDatabase().db;
}

export type { Db };
