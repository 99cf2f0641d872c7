import type { Kysely } from 'kysely';

// Purging used form tokens and day-old rate-limit rows must not scan the tables, and the IKM of
// any date range (quarter, semester, year) reads responses by time across units (docs/rules.md §6).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('survey_token_use_used_at_idx')
		.on('survey_token_use')
		.column('used_at')
		.execute();
	await db.schema.createIndex('rate_limit_window_idx').on('rate_limit').column('window_start').execute();
	await db.schema
		.createIndex('survey_response_time_idx')
		.on('survey_response')
		.column('submitted_at')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const name of ['survey_response_time_idx', 'rate_limit_window_idx', 'survey_token_use_used_at_idx'])
		await db.schema.dropIndex(name).execute();
}
