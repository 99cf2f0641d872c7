import type { Db } from '../db/connection';

// Requests answered once per id made by the client (db/migrations/20261129_1840_create_sync_receipt.ts):
// the offline outbox's `Idempotency-Key` (offline/sync-receipt.service.ts) and the forms' hidden
// `once` token (form-once.ts). One row per (user, id): claimed with status 0 before the work runs,
// so a second request with the same id, through this process or another, finds it taken; then
// the answer, or deleted when the work wrote nothing and may be tried again.

/** The status of an id whose first request is still running. */
export const PENDING = 0;

export interface ClientReceipt {
	/** PENDING while the first request runs */
	status: number;
	body: unknown;
	/** digest of the request that claimed the id (null for form tokens and older receipts) */
	requestHash: string | null;
	/** when the id was claimed, in ms */
	claimedAt: number;
}

/** Claims the id for the request now running; false when another request holds or answered it. */
export async function claimClientId(
	db: Db,
	userId: number,
	clientId: string,
	now: Date,
	requestHash: string | null = null
): Promise<boolean> {
	const result = await db
		.insertInto('sync_receipt')
		.values({
			client_id: clientId,
			user_id: userId,
			status: PENDING,
			body: '{}',
			request_hash: requestHash,
			created_at: now.getTime()
		})
		.onConflict((oc) => oc.columns(['user_id', 'client_id']).doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findClientReceipt(
	db: Db,
	userId: number,
	clientId: string
): Promise<ClientReceipt | null> {
	const row = await db
		.selectFrom('sync_receipt')
		.select(['status', 'body', 'request_hash', 'created_at'])
		.where('user_id', '=', userId)
		.where('client_id', '=', clientId)
		.executeTakeFirst();
	return row
		? {
				status: row.status,
				body: JSON.parse(row.body),
				requestHash: row.request_hash,
				claimedAt: Number(row.created_at)
			}
		: null;
}

/** Keeps the answer of a claimed id. */
export async function completeClientReceipt(
	db: Db,
	userId: number,
	clientId: string,
	answer: { status: number; body: unknown }
): Promise<void> {
	await db
		.updateTable('sync_receipt')
		.set({ status: answer.status, body: JSON.stringify(answer.body) })
		.where('user_id', '=', userId)
		.where('client_id', '=', clientId)
		.execute();
}

/** Frees a claimed id whose request wrote nothing, so it may be sent again. */
export async function releaseClientId(db: Db, userId: number, clientId: string): Promise<void> {
	await db
		.deleteFrom('sync_receipt')
		.where('user_id', '=', userId)
		.where('client_id', '=', clientId)
		.where('status', '=', PENDING)
		.execute();
}
