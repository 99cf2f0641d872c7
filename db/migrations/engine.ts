import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Helpers for the few migrations that must differ by engine (README "When one machine is not
// enough"). SQLite widens a CHECK constraint only by rebuilding its table; PostgreSQL replaces the
// constraint in place, under the name it gave it (<table>_<column>_check).

export function isPostgres(db: Kysely<any>): boolean {
	return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** PostgreSQL only: the column's CHECK constraint becomes `check`. */
export async function replaceColumnCheck(
	db: Kysely<any>,
	table: string,
	column: string,
	check: string
): Promise<void> {
	const name = `${table}_${column}_check`;
	await sql.raw(`alter table "${table}" drop constraint if exists "${name}"`).execute(db);
	await sql.raw(`alter table "${table}" add constraint "${name}" check (${check})`).execute(db);
}
