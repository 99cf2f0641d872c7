import { CliError, type CliContext } from '../cli-error';
import { parseOptions } from '../args';
import { openMigrated } from '../open';
import { importUnitsFile } from '../../services/unit-import.service';

export async function runImportUnits(ctx: CliContext): Promise<void> {
	const { positionals } = parseOptions(ctx.args, {}, true);
	if (positionals.length !== 1) throw new CliError(['pemakaian: import-units FILE (CSV atau XLSX)']);
	const { db } = await openMigrated();
	try {
		const r = await importUnitsFile(db, positionals[0], null, ctx.now);
		if (!r.ok) throw new CliError(r.problems);
		ctx.out(`Unit diimpor: ${r.created} baru, ${r.updated} diperbarui.`);
	} finally {
		await db.destroy();
	}
}
