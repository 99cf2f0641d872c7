import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliContext } from '../cli-error';
import { CliError } from '../cli-error';
import { parseOptions } from '../args';
import { openMigrated } from '../open';

// Online copy through SQLite's backup API: consistent even while the server writes.
export async function runBackup(ctx: CliContext): Promise<void> {
	const { positionals } = parseOptions(ctx.args, {}, true);
	if (positionals.length !== 1) throw new CliError(['pemakaian: backup FILE']);
	const target = resolve(positionals[0]);
	if (existsSync(target)) throw new CliError([`berkas ${target} sudah ada; pilih nama lain`]);
	const { sqlite, db } = await openMigrated();
	const { totalPages } = await sqlite.backup(target);
	await db.destroy();
	ctx.out(`Cadangan ditulis ke ${target} (${totalPages} halaman).`);
}
