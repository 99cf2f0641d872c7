import type { Db } from './connection';
import { isUniqueViolation } from './dialect';

/** Runs fn in a transaction, or in the caller's when db already is one (Kysely cannot nest). */
export async function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
	return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/**
 * fn in a transaction, or `taken` when a UNIQUE constraint refused one of its writes. A service
 * checks a name or code inside the transaction first, but on PostgreSQL two requests that arrive
 * together (a double-clicked "create") both pass that check, each reading before the other
 * commits; the constraint is then the last word, and the second request gets a 409, not a 500
 * (README "When one machine is not enough").
 */
export async function transactionUnlessTaken<T, U>(
	db: Db,
	fn: (trx: Db) => Promise<T>,
	taken: U
): Promise<T | U> {
	try {
		return await db.transaction().execute(fn);
	} catch (e) {
		if (isUniqueViolation(e)) return taken;
		throw e;
	}
}
