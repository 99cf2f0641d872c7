import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('audit_log')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('at', 'integer', (c) => c.notNull())
		.addColumn('user_id', 'integer', (c) => c.references('user.id'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('entity', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'text')
		.addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}')) // JSON
		.modifyEnd(sql`strict`)
		.execute();
	await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
	await db.schema
		.createIndex('audit_log_entity_idx')
		.on('audit_log')
		.columns(['entity', 'entity_id'])
		.execute();
	await db.schema.createIndex('audit_log_user_idx').on('audit_log').column('user_id').execute();

	// City settings used on certificates, report cards and posters (key/value).
	await db.schema
		.createTable('city_setting')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('value', 'text', (c) => c.notNull())
		.modifyEnd(sql`strict, without rowid`)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('city_setting').execute();
	await db.schema.dropTable('audit_log').execute();
}
