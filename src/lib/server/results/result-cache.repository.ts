import { sql } from 'kysely';
import type { Db } from '../db/connection';
import { textAsBytes } from '../db/dialect';

// Cache contract: a row here is the fresh serialised results JSON of its period. Every change
// that affects results (docs/rules.md §8.8: sheets, flags, period settings and status, unit name, code or
// category, units joining or leaving, category names and order) deletes it in the same transaction.
// A computation claims the row before reading and stores only while its claim stands, so results
// read before such a change never outlive it.

export async function invalidatePeriodResults(db: Db, periodId: number): Promise<void> {
	await db.deleteFrom('period_result_cache').where('period_id', '=', periodId).execute();
}

/** For changes every period's results show (units, categories): all rows go. */
export async function invalidateAllPeriodResults(db: Db): Promise<void> {
	await db.deleteFrom('period_result_cache').execute();
}

export async function findCachedResults(db: Db, periodId: number): Promise<string | null> {
	const row = await db
		.selectFrom('period_result_cache')
		.select('json')
		.where('period_id', '=', periodId)
		.where('claim', 'is', null)
		.executeTakeFirst();
	return row?.json ?? null;
}

/** Takes the period's row for a computation about to read the results (replacing any claim). */
export async function claimCachedResults(db: Db, periodId: number, claim: string, now: Date): Promise<void> {
	const values = { computed_at: now.getTime(), json: '', claim };
	await db
		.insertInto('period_result_cache')
		.values({ period_id: periodId, ...values })
		.onConflict((oc) => oc.column('period_id').doUpdateSet(values))
		.execute();
}

/**
 * Stores the results computed under claim, if the claim still stands; false when an invalidation
 * (or a later computation) took the row meanwhile. An invalidation not yet committed holds the row,
 * so this waits for it and then finds the row gone.
 */
export async function storeCachedResults(
	db: Db,
	periodId: number,
	claim: string,
	json: string,
	now: Date
): Promise<boolean> {
	const r = await db
		.updateTable('period_result_cache')
		.set({ computed_at: now.getTime(), json, claim: null })
		.where('period_id', '=', periodId)
		.where('claim', '=', claim)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) === 1;
}

/** The cached JSON as UTF-8 bytes: the API sends them without decoding and re-encoding 25 MB. */
export async function findCachedResultsBytes(db: Db, periodId: number): Promise<Uint8Array | null> {
	const row = await db
		.selectFrom('period_result_cache')
		.select(textAsBytes(db, sql.ref('json')).as('bytes'))
		.where('period_id', '=', periodId)
		.where('claim', 'is', null)
		.executeTakeFirst();
	return row?.bytes ?? null;
}
