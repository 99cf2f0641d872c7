import { CliError, type CliContext } from '../../cli-error';
import { parseOptions, requireOption } from '../../args';
import { openMigrated } from '../../open';
import { loadResultsJson, type ResultsDocument } from '../../../results/results.service';
import { aspectCodesOf, resultsTable, toCsv } from '../../../../domain/scoring/results-table';

export async function runResults(ctx: CliContext): Promise<void> {
	const { values } = parseOptions(ctx.args, { period: { type: 'string' }, format: { type: 'string' } });
	const code = requireOption(values, 'period');
	const format = values.format ?? 'json';
	if (format !== 'json' && format !== 'csv') throw new CliError(['opsi --format harus json atau csv']);
	const { db } = await openMigrated();
	try {
		const found = await loadResultsJson(db, code, ctx.now);
		if (!found) throw new CliError([`periode "${code}" tidak ditemukan`]);
		if (format === 'json') ctx.out(found.json);
		else {
			const doc = JSON.parse(found.json) as ResultsDocument;
			process.stdout.write(toCsv(resultsTable(doc, aspectCodesOf(doc))));
		}
	} finally {
		await db.destroy();
	}
}
