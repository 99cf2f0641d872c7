import { sql, type Kysely } from 'kysely';

// Single-use set-password links (README "Accounts by invitation"): the token is "<id>.<secret>"
// like a session, and only the SHA-256 of the secret is stored. A used link keeps its row with
// used_at so that the page can say "already used" instead of "unknown".
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('password_link')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('secret_hash', 'blob', (c) => c.notNull())
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('expires_at', 'integer', (c) => c.notNull())
		.addColumn('used_at', 'integer')
		.modifyEnd(sql`strict`)
		.execute();
	await db.schema.createIndex('password_link_user_idx').on('password_link').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('password_link').execute();
}
