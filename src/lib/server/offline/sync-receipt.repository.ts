import type { Db } from '../db/connection';

export interface SyncReceipt {
	status: number;
	body: unknown;
}

/** A stored answer and the digest of the request it answered (null for receipts kept before). */
export interface StoredSyncReceipt extends SyncReceipt {
	requestHash: string | null;
}

export async function findSyncReceipt(
	db: Db,
	userId: number,
	clientId: string
): Promise<StoredSyncReceipt | null> {
	const row = await db
		.selectFrom('sync_receipt')
		.select(['status', 'body', 'request_hash'])
		.where('user_id', '=', userId)
		.where('client_id', '=', clientId)
		.executeTakeFirst();
	return row ? { status: row.status, body: JSON.parse(row.body), requestHash: row.request_hash } : null;
}

/** Keeps the first answer: a second insert of the same id changes nothing. */
export async function insertSyncReceipt(
	db: Db,
	userId: number,
	clientId: string,
	receipt: SyncReceipt,
	requestHash: string | null,
	now: Date
): Promise<void> {
	await db
		.insertInto('sync_receipt')
		.values({
			client_id: clientId,
			user_id: userId,
			status: receipt.status,
			body: JSON.stringify(receipt.body),
			request_hash: requestHash,
			created_at: now.getTime()
		})
		.onConflict((oc) => oc.columns(['user_id', 'client_id']).doNothing())
		.execute();
}
