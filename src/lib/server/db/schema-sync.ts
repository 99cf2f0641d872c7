// Offline sync (db/migrations/20261129_1840_create_sync_receipt.ts).
export interface SyncReceiptTable {
	client_id: string;
	user_id: number;
	status: number;
	body: string;
	created_at: number;
	/** digest of the request answered (db/migrations/20261201_0100_add_sync_receipt_request_hash.ts) */
	request_hash: string | null;
}
