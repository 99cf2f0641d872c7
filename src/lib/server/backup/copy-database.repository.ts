import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { Db } from '../db/connection';

// `copy-database --to postgres://...` (README "When one machine is not enough"): every table of a SQLite database
// into an empty PostgreSQL database built by the same migrations, in one pass and one
// transaction, then the row counts of both side by side (README "When one machine is not enough").

export interface TableCount {
	table: string;
	sqlite: number;
	postgres: number;
}

/**
 * Application tables with every referenced table before the tables that reference it. Creation
 * order is not enough: a migration that rebuilds a table (SQLite's way to change a constraint)
 * puts it after the tables that point at it.
 */
export function listCopiedTables(sqlite: BetterSqlite3.Database): string[] {
	const created = (
		sqlite
			.prepare(
				`select name from sqlite_master where type = 'table'
				 and name not like 'sqlite\\_%' escape '\\' and name not like 'kysely\\_%' escape '\\' order by rowid`
			)
			.all() as { name: string }[]
	).map((r) => r.name);
	const references = new Map(
		created.map((t) => [
			t,
			new Set(
				(sqlite.prepare(`select "table" from pragma_foreign_key_list(?)`).all(t) as { table: string }[])
					.map((r) => r.table)
					.filter((r) => r !== t && created.includes(r))
			)
		])
	);
	const ordered: string[] = [];
	const placed = new Set<string>();
	while (ordered.length < created.length) {
		const next = created.find((t) => !placed.has(t) && [...references.get(t)!].every((r) => placed.has(r)));
		if (!next) throw new Error('tabel saling mereferensikan; urutan salin tidak dapat ditentukan');
		ordered.push(next);
		placed.add(next);
	}
	return ordered;
}

export async function countRows(db: Db, table: string): Promise<number> {
	const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
	return Number(rows[0].n);
}

/** Tables of the target that already hold rows (a copy goes only into an empty database). */
export async function nonEmptyTables(db: Db, tables: readonly string[]): Promise<string[]> {
	const found: string[] = [];
	for (const t of tables) if ((await countRows(db, t)) > 0) found.push(t);
	return found;
}

/** Every row of the tables, batched under PostgreSQL's 65,535 parameters per statement. */
/** How far a copy is: the table being copied (1-based among `tables`) and its rows copied so far. */
export interface CopyProgress {
	table: string;
	position: number;
	tables: number;
	rows: number;
}

export async function copyTables(
	sqlite: BetterSqlite3.Database,
	trx: Db,
	tables: readonly string[],
	onProgress?: (progress: CopyProgress) => void
): Promise<void> {
	for (const [i, table] of tables.entries()) {
		let copied = 0;
		const tell = () => onProgress?.({ table, position: i + 1, tables: tables.length, rows: copied });
		tell();
		const columns = (
			sqlite.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[]
		).map((c) => c.name);
		const batch = Math.max(1, Math.floor(60_000 / columns.length));
		const quoted = columns.map((c) => `"${c}"`).join(', ');
		let rows: Record<string, unknown>[] = [];
		const write = async () => {
			if (rows.length === 0) return;
			await (trx as unknown as Db)
				.insertInto(table as never)
				.values(rows as never)
				.execute();
			copied += rows.length;
			rows = [];
			tell();
		};
		for (const row of sqlite.prepare(`select ${quoted} from "${table}"`).iterate()) {
			rows.push(row as Record<string, unknown>);
			if (rows.length === batch) await write();
		}
		await write();
		// Identity columns continue after the copied ids, so the next insert gets a free one.
		if (columns.includes('id')) {
			const { rows: seq } = await sql<{
				name: string | null;
			}>`select pg_get_serial_sequence(${table}, 'id') as name`.execute(trx);
			if (seq[0]?.name)
				await sql`select setval(${seq[0].name}::regclass, (select coalesce(max(id), 0) + 1 from ${sql.table(table)}), false)`.execute(
					trx
				);
		}
	}
}

export function countSqliteRows(sqlite: BetterSqlite3.Database, table: string): number {
	return (sqlite.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
}
