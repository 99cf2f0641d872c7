import type { CliContext } from '../../cli-error';
import { CliError } from '../../cli-error';
import { parseOptions } from '../../args';
import { withMigrated } from '../../open';
import { readConfig } from '../../../config';
import { backupDatabase } from '../../../backup/database-backup';
import { restoreDatabase } from '../../../backup/restore';

// Online copy through SQLite's backup API: consistent even while the server writes. The same
// function makes the scheduled backups and the one before an upgrade (README "Production").
// PostgreSQL is backed up by its own tools, run by its operators (README "When one machine is
// not enough").
function refuseOnPostgres(tool: string): void {
	if (readConfig().databaseUrl)
		throw new CliError([
			`DATABASE_URL menunjuk ke PostgreSQL: gunakan ${tool} (perintah ini hanya untuk SQLite).`,
			`DATABASE_URL points at PostgreSQL: use ${tool} (this command is for SQLite only).`
		]);
}

export async function runBackup(ctx: CliContext): Promise<void> {
	const { positionals } = parseOptions(ctx.args, {}, true);
	if (positionals.length !== 1) throw new CliError(['pemakaian: backup FILE']);
	refuseOnPostgres('pg_dump');
	await withMigrated(async ({ sqlite }) => {
		try {
			if (!sqlite) throw new Error('backup: SQLite only');
			const { path, pages } = await backupDatabase(sqlite, positionals[0]);
			ctx.out(`Cadangan ditulis ke ${path} (${pages} halaman).`);
		} catch (e) {
			throw new CliError([(e as Error).message]);
		}
	});
}

export async function runRestore(ctx: CliContext): Promise<void> {
	const { positionals } = parseOptions(ctx.args, {}, true);
	if (positionals.length !== 1) throw new CliError(['pemakaian: restore FILE']);
	refuseOnPostgres('pg_restore');
	const outcome = restoreDatabase(positionals[0], readConfig().databasePath, ctx.now);
	if (!outcome.ok) throw new CliError(outcome.problems);
	const aside = outcome.asidePath ? `; basis data lama disimpan sebagai ${outcome.asidePath}` : '';
	ctx.out(`Dipulihkan dari ${positionals[0]}${aside}.`);
}
