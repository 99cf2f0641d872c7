import { sql, type Kysely } from 'kysely';

// docs/rules.md §8.1 and 8.2: a period names award winners only in categories with at least
// `min_ranked_for_awards` ranked units (default 3), and every publication records which
// preflight classes were confirmed (JSON, see src/lib/domain/publication/preflight.ts).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('period')
		.addColumn('min_ranked_for_awards', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(3)
				.check(sql`min_ranked_for_awards >= 1`)
		)
		.execute();
	await db.schema
		.alterTable('publication')
		.addColumn('confirmations', 'text', (c) => c.notNull().defaultTo('[]'))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('publication').dropColumn('confirmations').execute();
	await db.schema.alterTable('period').dropColumn('min_ranked_for_awards').execute();
}
