import type { CliContext } from '../../cli-error';
import { CliError } from '../../cli-error';
import { parseOptions, requireOption } from '../../args';
import { readConfig } from '../../../config';
import { isPostgresUrl, openDatabase, openSqlite } from '../../../db/connection';
import { migrateToLatest, pendingMigrations } from '../../../db/migrate';
import { formatNumberId } from '../../../../domain/format';
import { progressLine } from '../../progress';
import {
	copyTables,
	countRows,
	countSqliteRows,
	listCopiedTables,
	nonEmptyTables,
	type TableCount
} from '../../../backup/copy-database.repository';

// Moves the SQLite database (DATABASE_PATH) into an empty PostgreSQL database; evidence files stay
// in UPLOAD_DIR (README "When one machine is not enough").
export async function runCopyDatabase(ctx: CliContext): Promise<void> {
	const { values } = parseOptions(ctx.args, { to: { type: 'string' } });
	const to = requireOption(values, 'to');
	if (!isPostgresUrl(to)) throw new CliError([`--to harus alamat postgres://... (diberikan: ${to})`]);
	const config = readConfig();
	if (config.databaseUrl)
		throw new CliError([
			'DATABASE_URL sudah menunjuk ke PostgreSQL; copy-database menyalin dari DATABASE_PATH (SQLite)'
		]);
	const source = openSqlite(config.databasePath);
	const target = openDatabase(to);
	try {
		const pending = await pendingMigrations(source.db);
		if (pending.length)
			throw new CliError([
				`basis data SQLite belum mutakhir (${pending.length} migrasi); jalankan dulu: migrate`
			]);
		try {
			await migrateToLatest(target.db);
		} catch (e) {
			throw new CliError([`PostgreSQL ${redact(to)}: ${(e as Error).message}`]);
		}
		const tables = listCopiedTables(source.sqlite);
		const filled = await nonEmptyTables(target.db, tables);
		if (filled.length)
			throw new CliError([
				`basis data tujuan tidak kosong (tabel berisi: ${filled.join(', ')}); tidak ada yang disalin`
			]);
		const progress = progressLine(process.stderr);
		try {
			await target.db
				.transaction()
				.execute((trx) =>
					copyTables(source.sqlite, trx, tables, (p) =>
						progress.show(`Menyalin tabel ${p.position}/${p.tables} ${p.table}: ${formatNumberId(p.rows)} baris`)
					)
				);
		} finally {
			progress.clear();
		}
		const counts: TableCount[] = [];
		for (const table of tables) {
			counts.push({
				table,
				sqlite: countSqliteRows(source.sqlite, table),
				postgres: await countRows(target.db, table)
			});
		}
		for (const c of counts)
			ctx.out(`${c.table.padEnd(28)} ${String(c.sqlite).padStart(9)} ${String(c.postgres).padStart(9)}`);
		const differ = counts.filter((c) => c.sqlite !== c.postgres);
		if (differ.length)
			throw new CliError(
				differ.map((c) => `jumlah baris berbeda: ${c.table} (SQLite ${c.sqlite}, PostgreSQL ${c.postgres})`)
			);
		const rows = counts.reduce((n, c) => n + c.sqlite, 0);
		ctx.out(`Disalin ke ${redact(to)}: ${counts.length} tabel, ${rows} baris; jumlah baris sama.`);
	} finally {
		await source.db.destroy();
		await target.db.destroy();
	}
}

/** The address without its password, for output. */
function redact(url: string): string {
	const u = new URL(url);
	if (u.password) u.password = '***';
	return u.toString();
}
