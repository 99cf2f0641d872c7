import type { Db } from '../db/connection';

// Results cache contract: a row means the period's results are fresh; any change to the
// submitted sheets of the period deletes it, and the results service recomputes on demand.
export async function deletePeriodResultCache(db: Db, periodId: number): Promise<void> {
	await db.deleteFrom('period_result_cache').where('period_id', '=', periodId).execute();
}
