import type { Kysely } from 'kysely';

// A results computation claims the period's cache row before it reads and stores the results only
// while its claim stands: a change that invalidates the results meanwhile (through this or another
// app process, README "When one machine is not enough") deletes the row, and results computed from
// what was there before are then not kept. A row with a claim holds no results yet.
// Frozen in time: never edit once landed.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('period_result_cache').addColumn('claim', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('period_result_cache').dropColumn('claim').execute();
}
