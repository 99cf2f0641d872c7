import type { Kysely } from 'kysely';

// An outbox item's id names one request (README "When the signal returns"): the receipt now keeps
// a digest of the request it answered, so the same id sent with another body or to another
// address is refused (422) instead of being answered with the first request's receipt. Receipts
// written before have none and are answered as before.
// Frozen in time: never edit once landed.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('sync_receipt').addColumn('request_hash', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('sync_receipt').dropColumn('request_hash').execute();
}
