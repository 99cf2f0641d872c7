import { sql } from 'kysely';
import type { Db } from '../db/connection';
import { textAsBytes } from '../db/dialect';

// Cache contract: a row here is the fresh serialised results JSON of its period. Every change
// that affects results (docs/rules.md §8.8: sheets, flags, period settings and status, unit name, code or
// category, units joining or leaving, category names and order) deletes it in the same transaction.

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
		.executeTakeFirst();
	return row?.json ?? null;
}

export async function storeCachedResults(db: Db, periodId: number, json: string, now: Date): Promise<void> {
	await db
		.insertInto('period_result_cache')
		.values({ period_id: periodId, computed_at: now.getTime(), json })
		.onConflict((oc) => oc.column('period_id').doUpdateSet({ computed_at: now.getTime(), json }))
		.execute();
}

/** The cached JSON as UTF-8 bytes: the API sends them without decoding and re-encoding 25 MB. */
export async function findCachedResultsBytes(db: Db, periodId: number): Promise<Uint8Array | null> {
	const row = await db
		.selectFrom('period_result_cache')
		.select(textAsBytes(db, sql.ref('json')).as('bytes'))
		.where('period_id', '=', periodId)
		.executeTakeFirst();
	return row?.bytes ?? null;
}
