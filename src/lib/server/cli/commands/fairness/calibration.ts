import type { CliContext } from '../../cli-error';
import { CliError } from '../../cli-error';
import { parseOptions, requireOption } from '../../args';
import { withMigrated } from '../../open';
import { loadCalibrationSummary } from '../../../calibration/calibration.service';
import { calibrationJson } from '../../../../domain/reliability';

// README "Administration command line": `calibration --period C --format json` (docs/rules.md §9.1).
export async function runCalibration(ctx: CliContext): Promise<void> {
	const { values } = parseOptions(ctx.args, { period: { type: 'string' }, format: { type: 'string' } });
	const code = requireOption(values, 'period');
	if (requireOption(values, 'format') !== 'json') throw new CliError(['opsi --format harus json']);
	await withMigrated(async ({ db }) => {
		const found = await loadCalibrationSummary(db, code);
		if (!found) throw new CliError([`periode ${code} tidak ditemukan`]);
		ctx.out(JSON.stringify(calibrationJson(found.summary), null, 2));
	});
}
