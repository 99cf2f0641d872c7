import { sql, type Kysely } from 'kysely';

// docs/rules.md §8.3: a correction of a published period is opened with a reason, and either
// published as the next revision or abandoned. `backup` keeps, as JSON, every regular visit,
// team and sheet of the period as they were when the correction opened, so that abandoning it
// restores them. A publication records what its revision changed (`changes`, JSON list).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('period_correction')
		.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
		.addColumn('period_id', 'integer', (c) => c.notNull().references('period.id').onDelete('cascade'))
		.addColumn('base_revision', 'integer', (c) => c.notNull())
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('opened_by', 'integer', (c) => c.references('user.id'))
		.addColumn('opened_at', 'integer', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('open')
				.check(sql`status in ('open', 'published', 'abandoned')`)
		)
		.addColumn('closed_by', 'integer', (c) => c.references('user.id'))
		.addColumn('closed_at', 'integer')
		.addColumn('close_reason', 'text')
		.addColumn('backup', 'text', (c) => c.notNull())
		.modifyEnd(sql`strict`)
		.execute();
	// At most one open correction per period.
	await db.schema
		.createIndex('period_correction_open_idx')
		.on('period_correction')
		.column('period_id')
		.unique()
		.where(sql.ref('status'), '=', 'open')
		.execute();
	await db.schema
		.alterTable('publication')
		.addColumn('changes', 'text', (c) => c.notNull().defaultTo('[]'))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('publication').dropColumn('changes').execute();
	await db.schema.dropTable('period_correction').execute();
}
