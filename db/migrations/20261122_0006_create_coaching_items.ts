import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('coaching_item')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('plan_id', 'integer', (c) => c.notNull().references('coaching_plan.id').onDelete('cascade'))
		.addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('current_score', 'real', (c) => c.notNull())
		.addColumn('target_level', 'integer', (c) => c.notNull().check(sql`target_level between 1 and 5`))
		.addColumn('gain_next', 'real', (c) => c.notNull())
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('due_on', 'text')
		.addColumn('responsible', 'text')
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('open')
				.check(sql`status in ('open', 'in_progress', 'done', 'verified')`)
		)
		.addColumn('verified_by', 'integer', (c) => c.references('user.id'))
		.addColumn('verified_at', 'integer')
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.addUniqueConstraint('coaching_item_unique', ['plan_id', 'indicator_id'])
		.modifyEnd(sql`strict`)
		.execute();

	await db.schema
		.createTable('coaching_progress')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('item_id', 'integer', (c) => c.notNull().references('coaching_item.id').onDelete('cascade'))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id'))
		.addColumn('note', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('open', 'in_progress', 'done', 'verified')`)
		)
		.addColumn('file_id', 'integer', (c) => c.references('stored_file.id'))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.modifyEnd(sql`strict`)
		.execute();
	await db.schema
		.createIndex('coaching_progress_item_idx')
		.on('coaching_progress')
		.column('item_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('coaching_progress').execute();
	await db.schema.dropTable('coaching_item').execute();
}
