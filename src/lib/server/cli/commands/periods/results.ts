import { CliError, type CliContext } from '../../cli-error';
import { parseOptions, requireOption } from '../../args';
import { withMigrated } from '../../open';
import { loadResults, loadResultsJson } from '../../../results/results.service';
import { aspectCodesOf, resultsTable, toCsv } from '../../../../domain/scoring/results-table';

export async function runResults(ctx: CliContext): Promise<void> {
	const { values } = parseOptions(ctx.args, { period: { type: 'string' }, format: { type: 'string' } });
	const code = requireOption(values, 'period');
	const format = values.format ?? 'json';
	if (format !== 'json' && format !== 'csv') throw new CliError(['opsi --format harus json atau csv']);
	await withMigrated(async ({ db }) => {
		const found =
			format === 'json' ? await loadResultsJson(db, code, ctx.now) : await loadResults(db, code, ctx.now);
		if (!found) throw new CliError([`periode "${code}" tidak ditemukan`]);
		if ('json' in found) ctx.out(found.json);
		else process.stdout.write(toCsv(resultsTable(found.doc, aspectCodesOf(found.doc))));
	});
}
