import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	const answer = (col: string) => sql.raw(`${col} between 1 and 4`);
	let table = db.schema
		.createTable('survey_response')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('period_id', 'integer', (c) => c.notNull().references('period.id').onDelete('cascade'))
		.addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
		.addColumn('submitted_at', 'integer', (c) => c.notNull());
	for (let u = 1; u <= 9; u++)
		table = table.addColumn(`u${u}`, 'integer', (c) => c.notNull().check(answer(`u${u}`)));
	await table
		.addColumn('sex', 'text')
		.addColumn('age_band', 'text')
		.addColumn('education', 'text')
		.addColumn('occupation', 'text')
		.addColumn('service', 'text')
		.addColumn('suggestion', 'text')
		// suggestions may hold personal data: shown beyond admins only once approved (docs/rules.md §6)
		.addColumn('suggestion_status', 'text', (c) =>
			c.check(sql`suggestion_status in ('pending', 'approved', 'rejected')`)
		)
		.addColumn('source', 'text', (c) =>
			c
				.notNull()
				.defaultTo('online')
				.check(sql`source in ('online', 'paper')`)
		)
		.addColumn('entered_by', 'integer', (c) => c.references('user.id'))
		.modifyEnd(sql`strict`)
		.execute();
	await db.schema
		.createIndex('survey_response_period_unit_idx')
		.on('survey_response')
		.columns(['period_id', 'unit_id'])
		.execute();
	await db.schema
		.createIndex('survey_response_unit_time_idx')
		.on('survey_response')
		.columns(['unit_id', 'submitted_at'])
		.execute();

	// Single-use form tokens: the duplicate guard (not the IP address).
	await db.schema
		.createTable('survey_token_use')
		.addColumn('nonce', 'text', (c) => c.primaryKey())
		.addColumn('used_at', 'integer', (c) => c.notNull())
		.modifyEnd(sql`strict, without rowid`)
		.execute();

	// Generic fixed-window counters; IP addresses only ever appear here hashed, dropped after a day.
	await db.schema
		.createTable('rate_limit')
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('window_start', 'integer', (c) => c.notNull())
		.addColumn('count', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('rate_limit_pk', ['key', 'window_start'])
		.modifyEnd(sql`strict, without rowid`)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const t of ['rate_limit', 'survey_token_use', 'survey_response'])
		await db.schema.dropTable(t).execute();
}
