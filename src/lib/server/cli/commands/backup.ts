import type { CliContext } from '../cli-error';
import { CliError } from '../cli-error';
import { parseOptions } from '../args';
import { openMigrated } from '../open';
import { readConfig } from '../../config';
import { backupDatabase } from '../../backup/database-backup';
import { restoreDatabase } from '../../backup/restore';

// Online copy through SQLite's backup API: consistent even while the server writes. The same
// function makes the scheduled backups and the one before an upgrade (README "Production").
export async function runBackup(ctx: CliContext): Promise<void> {
	const { positionals } = parseOptions(ctx.args, {}, true);
	if (positionals.length !== 1) throw new CliError(['pemakaian: backup FILE']);
	const { sqlite, db } = await openMigrated();
	try {
		const { path, pages } = await backupDatabase(sqlite, positionals[0]);
		ctx.out(`Cadangan ditulis ke ${path} (${pages} halaman).`);
	} catch (e) {
		throw new CliError([(e as Error).message]);
	} finally {
		await db.destroy();
	}
}

export async function runRestore(ctx: CliContext): Promise<void> {
	const { positionals } = parseOptions(ctx.args, {}, true);
	if (positionals.length !== 1) throw new CliError(['pemakaian: restore FILE']);
	const outcome = restoreDatabase(positionals[0], readConfig().databasePath, ctx.now);
	if (!outcome.ok) throw new CliError(outcome.problems);
	const aside = outcome.asidePath ? `; basis data lama disimpan sebagai ${outcome.asidePath}` : '';
	ctx.out(`Dipulihkan dari ${positionals[0]}${aside}.`);
}
