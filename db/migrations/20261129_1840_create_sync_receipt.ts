import { sql, type Kysely } from 'kysely';

// Offline devices resend what they are not sure arrived (README "Install on a phone and offline work"): every outbox item
// carries an id made on the device, and the answer given to it is kept here so that a resend gets
// the same answer and changes nothing.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('sync_receipt')
		.addColumn('client_id', 'text', (c) => c.notNull())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('status', 'integer', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('sync_receipt_pk', ['user_id', 'client_id'])
		.modifyEnd(sql`strict, without rowid`)
		.execute();
	await db.schema
		.createIndex('sync_receipt_created_at_idx')
		.on('sync_receipt')
		.column('created_at')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('sync_receipt').execute();
}
