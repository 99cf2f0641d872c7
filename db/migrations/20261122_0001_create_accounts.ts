import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit once landed; change the schema with a new migration.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('user')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) =>
			c.notNull().check(sql`role in ('admin', 'assessor', 'unit_head', 'viewer')`)
		)
		// null: the account exists (e.g. an assessor created by an import) but cannot sign in yet
		.addColumn('password_hash', 'text')
		.addColumn('affiliation_type', 'text', (c) =>
			c.check(sql`affiliation_type in ('university', 'student_board', 'other')`)
		)
		.addColumn('affiliation_name', 'text')
		.addColumn('phone', 'text')
		.addColumn('active', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(1)
				.check(sql`active in (0, 1)`)
		)
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.modifyEnd(sql`strict`)
		.execute();
	await db.schema.createIndex('user_role_idx').on('user').column('role').execute();

	// Lucia-style sessions: the id is public, only the SHA-256 of the secret is stored.
	await db.schema
		.createTable('session')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('secret_hash', 'blob', (c) => c.notNull())
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('expires_at', 'integer', (c) => c.notNull())
		.modifyEnd(sql`strict`)
		.execute();
	await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();

	// Failed sign-in attempts per key ("email:..." or "ip:<hash>") for throttling.
	await db.schema
		.createTable('login_throttle')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('failures', 'integer', (c) => c.notNull())
		.addColumn('window_started_at', 'integer', (c) => c.notNull())
		.addColumn('locked_until', 'integer')
		.modifyEnd(sql`strict`)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('login_throttle').execute();
	await db.schema.dropTable('session').execute();
	await db.schema.dropTable('user').execute();
}
