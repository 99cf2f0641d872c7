import type { Db } from '../db/connection';

// Form tokens share the receipts of offline sync (db/migrations/20261129_1840_create_sync_receipt.ts):
// one row per (user, token); status 0 while the first post runs, 303 with its location once done.
const PENDING = 0;

/** Claims a token for the post now running; false when another post holds or used it. */
export async function claimFormToken(db: Db, userId: number, token: string, now: Date): Promise<boolean> {
	const result = await db
		.insertInto('sync_receipt')
		.values({ client_id: token, user_id: userId, status: PENDING, body: '{}', created_at: now.getTime() })
		.onConflict((oc) => oc.columns(['user_id', 'client_id']).doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The state of a token: null when free, pending, or done with the location of its answer. */
export async function findFormToken(
	db: Db,
	userId: number,
	token: string
): Promise<null | { done: false } | { done: true; location: string }> {
	const row = await db
		.selectFrom('sync_receipt')
		.select(['status', 'body'])
		.where('user_id', '=', userId)
		.where('client_id', '=', token)
		.executeTakeFirst();
	if (!row) return null;
	if (row.status === PENDING) return { done: false };
	return { done: true, location: (JSON.parse(row.body) as { location: string }).location };
}

export async function completeFormToken(
	db: Db,
	userId: number,
	token: string,
	location: string
): Promise<void> {
	await db
		.updateTable('sync_receipt')
		.set({ status: 303, body: JSON.stringify({ location }) })
		.where('user_id', '=', userId)
		.where('client_id', '=', token)
		.execute();
}

/** Frees a token whose post was refused, so the corrected form can be sent with it again. */
export async function releaseFormToken(db: Db, userId: number, token: string): Promise<void> {
	await db
		.deleteFrom('sync_receipt')
		.where('user_id', '=', userId)
		.where('client_id', '=', token)
		.where('status', '=', PENDING)
		.execute();
}
