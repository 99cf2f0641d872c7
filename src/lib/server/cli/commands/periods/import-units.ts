import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { CliContext } from '../../cli-error';
import { CliError } from '../../cli-error';
import { parseOptions } from '../../args';
import { withMigrated } from '../../open';
import { readTableBytes } from '../../../files/table-file';
import { applyUnitImport } from '../../../units/unit-import.service';
import { applyAssessorImport } from '../../../accounts/assessor-import.service';

/** The one FILE argument of an import command, read as a table (problems are CliErrors). */
export async function readInput(ctx: CliContext, usage: string) {
	const { positionals } = parseOptions(ctx.args, {}, true);
	if (positionals.length !== 1) throw new CliError([`pemakaian: ${usage}`]);
	const path = resolve(positionals[0]);
	let bytes: Uint8Array;
	try {
		bytes = await readFile(path);
	} catch {
		throw new CliError([`berkas ${path} tidak dapat dibaca`]);
	}
	const read = await readTableBytes(basename(path), bytes);
	if (!read.ok) throw new CliError(read.problems);
	return read.data;
}

// README: `import-units FILE`; every problem as "baris N: ..." on stderr, nothing written.
export async function runImportUnits(ctx: CliContext): Promise<void> {
	const data = await readInput(ctx, 'import-units FILE');
	await withMigrated(async ({ db }) => {
		const result = await applyUnitImport(db, data, null, ctx.now);
		if (!result.ok) throw new CliError(result.problems);
		const s = result.summary;
		const cats = s.newCategories.length ? `; kategori baru: ${s.newCategories.join(', ')}` : '';
		ctx.out(`Impor unit: ${s.created} dibuat, ${s.updated} diperbarui, ${s.unchanged} tidak berubah${cats}.`);
	});
}

export async function runImportAssessors(ctx: CliContext): Promise<void> {
	const data = await readInput(ctx, 'import-assessors FILE');
	await withMigrated(async ({ db }) => {
		const result = await applyAssessorImport(db, data, null, ctx.now);
		if (!result.ok) throw new CliError(result.problems);
		const s = result.summary;
		ctx.out(`Impor penilai: ${s.created} dibuat, ${s.updated} diperbarui, ${s.unchanged} tidak berubah.`);
	});
}
