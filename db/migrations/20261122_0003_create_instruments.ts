import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('instrument')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('regulation', 'text', (c) => c.notNull().defaultTo(''))
		// a clone records the version it was made from; clones are new versions (docs/rules.md §3)
		.addColumn('based_on_id', 'integer', (c) => c.references('instrument.id'))
		.addColumn('notes', 'text', (c) => c.notNull().defaultTo('[]')) // JSON array of strings
		.addColumn('sources', 'text', (c) => c.notNull().defaultTo('[]')) // JSON array of strings
		.addColumn('public_items', 'text') // JSON: F-03 questionnaire items (29/2022), reported apart
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.modifyEnd(sql`strict`)
		.execute();

	await db.schema
		.createTable('aspect')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('instrument_id', 'integer', (c) => c.notNull().references('instrument.id').onDelete('cascade'))
		.addColumn('code', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('weight', 'real', (c) => c.notNull().check(sql`weight >= 0 and weight <= 1`))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addUniqueConstraint('aspect_code_unique', ['instrument_id', 'code'])
		.modifyEnd(sql`strict`)
		.execute();

	await db.schema
		.createTable('indicator')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('instrument_id', 'integer', (c) => c.notNull().references('instrument.id').onDelete('cascade'))
		.addColumn('aspect_id', 'integer', (c) => c.notNull().references('aspect.id').onDelete('cascade'))
		.addColumn('code', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('weight', 'real', (c) => c.notNull().check(sql`weight >= 0 and weight <= 1`))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('note', 'text')
		.addColumn('evidence', 'text', (c) => c.notNull().defaultTo('[]')) // JSON array of strings
		.addUniqueConstraint('indicator_code_unique', ['instrument_id', 'code'])
		.modifyEnd(sql`strict`)
		.execute();
	await db.schema.createIndex('indicator_aspect_idx').on('indicator').column('aspect_id').execute();

	await db.schema
		.createTable('indicator_level')
		.addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id').onDelete('cascade'))
		.addColumn('level', 'integer', (c) => c.notNull().check(sql`level between 0 and 5`))
		.addColumn('descriptor', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('indicator_level_pk', ['indicator_id', 'level'])
		.modifyEnd(sql`strict, without rowid`)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const t of ['indicator_level', 'indicator', 'aspect', 'instrument'])
		await db.schema.dropTable(t).execute();
}
