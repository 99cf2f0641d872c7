import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('score_sheet')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('visit_id', 'integer', (c) => c.notNull().references('visit.id').onDelete('cascade'))
		.addColumn('assessor_id', 'integer', (c) => c.notNull().references('user.id'))
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('draft')
				.check(sql`status in ('draft', 'submitted')`)
		)
		// optimistic versioning: a save names the version it started from (README "Score sheets")
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('source', 'text', (c) =>
			c
				.notNull()
				.defaultTo('form')
				.check(sql`source in ('form', 'import')`)
		)
		.addColumn('submitted_at', 'integer')
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.addUniqueConstraint('score_sheet_unique', ['visit_id', 'assessor_id'])
		.modifyEnd(sql`strict`)
		.execute();
	await db.schema.createIndex('score_sheet_assessor_idx').on('score_sheet').column('assessor_id').execute();

	await db.schema
		.createTable('score')
		.addColumn('sheet_id', 'integer', (c) => c.notNull().references('score_sheet.id').onDelete('cascade'))
		.addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
		.addColumn('score', 'integer', (c) => c.check(sql`score between 0 and 5`))
		.addColumn('note', 'text')
		.addPrimaryKeyConstraint('score_pk', ['sheet_id', 'indicator_id'])
		.modifyEnd(sql`strict, without rowid`)
		.execute();

	// Per submitted sheet and aspect: sum of w_i * s_i. The IPP is linear in these, so results
	// read one row per sheet and aspect instead of every score (README "Benchmark").
	await db.schema
		.createTable('sheet_aspect_sum')
		.addColumn('sheet_id', 'integer', (c) => c.notNull().references('score_sheet.id').onDelete('cascade'))
		.addColumn('aspect_id', 'integer', (c) => c.notNull().references('aspect.id'))
		.addColumn('weighted_sum', 'real', (c) => c.notNull())
		.addPrimaryKeyConstraint('sheet_aspect_sum_pk', ['sheet_id', 'aspect_id'])
		.modifyEnd(sql`strict, without rowid`)
		.execute();

	// Uploaded files, stored under UPLOAD_DIR by content hash.
	await db.schema
		.createTable('stored_file')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('sha256', 'text', (c) => c.notNull().unique())
		.addColumn('mime', 'text', (c) => c.notNull())
		.addColumn('size', 'integer', (c) => c.notNull())
		.addColumn('has_thumbnail', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.modifyEnd(sql`strict`)
		.execute();

	await db.schema
		.createTable('evidence')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('sheet_id', 'integer', (c) => c.notNull().references('score_sheet.id').onDelete('cascade'))
		.addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
		.addColumn('file_id', 'integer', (c) => c.notNull().references('stored_file.id'))
		.addColumn('original_name', 'text', (c) => c.notNull())
		.addColumn('uploaded_by', 'integer', (c) => c.notNull().references('user.id'))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.modifyEnd(sql`strict`)
		.execute();
	await db.schema
		.createIndex('evidence_sheet_idx')
		.on('evidence')
		.columns(['sheet_id', 'indicator_id'])
		.execute();

	// Disagreement flags are computed from scores; what is stored is their resolution (docs/rules.md §4.10).
	await db.schema
		.createTable('disagreement_resolution')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('period_id', 'integer', (c) => c.notNull().references('period.id').onDelete('cascade'))
		.addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
		.addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
		.addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('note', 'extra_visit')`))
		.addColumn('note', 'text', (c) => c.notNull())
		.addColumn('resolved_by', 'integer', (c) => c.notNull().references('user.id'))
		.addColumn('resolved_at', 'integer', (c) => c.notNull())
		.addUniqueConstraint('disagreement_resolution_unique', ['period_id', 'unit_id', 'indicator_id'])
		.modifyEnd(sql`strict`)
		.execute();

	// Published snapshots: the public numbers never change until a recorded revision.
	await db.schema
		.createTable('publication')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('period_id', 'integer', (c) => c.notNull().references('period.id').onDelete('cascade'))
		.addColumn('revision', 'integer', (c) => c.notNull())
		.addColumn('published_at', 'integer', (c) => c.notNull())
		.addColumn('published_by', 'integer', (c) => c.references('user.id'))
		.addColumn('reason', 'text')
		.addColumn('open_flags_confirmed', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('snapshot', 'text', (c) => c.notNull()) // results JSON exactly as computed
		.addUniqueConstraint('publication_unique', ['period_id', 'revision'])
		.modifyEnd(sql`strict`)
		.execute();

	// Serialised results of a period, recomputed when a sheet changes (README "Results API").
	await db.schema
		.createTable('period_result_cache')
		.addColumn('period_id', 'integer', (c) => c.primaryKey().references('period.id').onDelete('cascade'))
		.addColumn('computed_at', 'integer', (c) => c.notNull())
		.addColumn('json', 'text', (c) => c.notNull())
		.modifyEnd(sql`strict`)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const t of [
		'period_result_cache',
		'publication',
		'disagreement_resolution',
		'evidence',
		'stored_file',
		'sheet_aspect_sum',
		'score',
		'score_sheet'
	])
		await db.schema.dropTable(t).execute();
}
