import type { CliContext } from '../../cli-error';
import { CliError } from '../../cli-error';
import { withMigrated } from '../../open';
import { readInput } from '../periods/import-units';
import { applyComplaintImport } from '../../../complaints/complaint-import.service';

// README "Administration command line": `import-complaints FILE`; every problem as "baris N: ...", nothing written.
export async function runImportComplaints(ctx: CliContext): Promise<void> {
	const data = await readInput(ctx, 'import-complaints FILE');
	await withMigrated(async ({ db }) => {
		const result = await applyComplaintImport(db, data, null, ctx.now);
		if (!result.ok) throw new CliError(result.problems);
		const s = result.summary;
		ctx.out(`Impor pengaduan: ${s.created} baru, ${s.updated} diganti, ${s.unchanged} tidak berubah.`);
	});
}
