import type { Db } from './connection';

/** Runs fn in a transaction, or in the caller's when db already is one (Kysely cannot nest). */
export async function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
	return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
