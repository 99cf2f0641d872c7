import type { CliContext } from '../../cli-error';
import { CliError } from '../../cli-error';
import { parseOptions, requireOption } from '../../args';
import { withMigrated } from '../../open';
import { loadTriangulation } from '../../../complaints/triangulation.service';
import { triangulationJson } from '../../../../domain/triangulation';

// README "Administration command line": `triangulation --period C --format json`.
export async function runTriangulation(ctx: CliContext): Promise<void> {
	const { values } = parseOptions(ctx.args, { period: { type: 'string' }, format: { type: 'string' } });
	const code = requireOption(values, 'period');
	if (requireOption(values, 'format') !== 'json') throw new CliError(['opsi --format harus json']);
	await withMigrated(async ({ db }) => {
		const result = await loadTriangulation(db, code, ctx.now);
		if (!result) throw new CliError([`periode ${code} tidak ditemukan`]);
		ctx.out(JSON.stringify(triangulationJson(result.period.code, result.categories), null, 2));
	});
}
