// Offline sync (db/migrations/20261129_1840_create_sync_receipt.ts).
export interface SyncReceiptTable {
	client_id: string;
	user_id: number;
	status: number;
	body: string;
	created_at: number;
}
