import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('category')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull().unique())
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('active', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(1)
				.check(sql`active in (0, 1)`)
		)
		.modifyEnd(sql`strict`)
		.execute();

	await db.schema
		.createTable('unit')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('category_id', 'integer', (c) => c.notNull().references('category.id'))
		.addColumn('parent_code', 'text')
		.addColumn('address', 'text')
		.addColumn('active', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(1)
				.check(sql`active in (0, 1)`)
		)
		// public address of the citizen survey (/survei/{token}); rotatable by an admin
		.addColumn('survey_token', 'text', (c) => c.notNull().unique())
		// yearly number of service users: the N of the Krejcie-Morgan sample size
		.addColumn('yearly_service_users', 'integer')
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.modifyEnd(sql`strict`)
		.execute();
	await db.schema.createIndex('unit_category_idx').on('unit').column('category_id').execute();

	await db.schema
		.createTable('unit_head')
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('unit_head_pk', ['user_id', 'unit_id'])
		.modifyEnd(sql`strict`)
		.execute();
	await db.schema.createIndex('unit_head_unit_idx').on('unit_head').column('unit_id').execute();

	// Declared conflicts of interest: the assessor may never be assigned to the unit.
	await db.schema
		.createTable('assessor_conflict')
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
		.addColumn('reason', 'text')
		.addPrimaryKeyConstraint('assessor_conflict_pk', ['user_id', 'unit_id'])
		.modifyEnd(sql`strict`)
		.execute();
	await db.schema
		.createIndex('assessor_conflict_unit_idx')
		.on('assessor_conflict')
		.column('unit_id')
		.execute();

	await db.schema
		.createTable('assessor_unavailable_date')
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addColumn('date', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('assessor_unavailable_date_pk', ['user_id', 'date'])
		.modifyEnd(sql`strict`)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const t of ['assessor_unavailable_date', 'assessor_conflict', 'unit_head', 'unit', 'category'])
		await db.schema.dropTable(t).execute();
}
