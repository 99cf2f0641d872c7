import { sql, type Kysely } from 'kysely';

// Category names are unique regardless of case ("Kelurahan" and "kelurahan" are one category).
// The service checks it, but two requests that arrive together both pass that check on
// PostgreSQL, each reading before the other commits (README "When one machine is not enough");
// this index makes the database refuse the second insert, which the service answers with 409.
// Frozen in time: never edit once landed.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('category_name_case_idx')
		.on('category')
		.unique()
		.expression(sql`lower(name)`)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('category_name_case_idx').execute();
}
