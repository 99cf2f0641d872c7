import type { CliContext } from '../cli-error';
import { CliError } from '../cli-error';
import { parseOptions, requireOption } from '../args';
import { withMigrated } from '../open';
import { readConfig } from '../../config';
import { ikmCsv, ikmJson } from '../../../domain/survey';
import { findPeriodByCode } from '../../periods/period.repository';
import { findSurveyUnitByCode } from '../../survey/survey-unit.repository';
import { computePeriodIkm } from '../../survey/survey-results.service';

// `ikm --period C --format json|csv` and `survey-link --unit U` (README).

export async function runIkm(ctx: CliContext): Promise<void> {
	const { values } = parseOptions(ctx.args, { period: { type: 'string' }, format: { type: 'string' } });
	const code = requireOption(values, 'period');
	const format = requireOption(values, 'format');
	if (format !== 'json' && format !== 'csv') throw new CliError(['opsi --format harus json atau csv']);
	await withMigrated(async ({ db }) => {
		const period = await findPeriodByCode(db, code);
		if (!period) throw new CliError([`periode ${code} tidak ditemukan`]);
		const result = (await computePeriodIkm(db, period.id))!;
		if (format === 'json') ctx.out(JSON.stringify(ikmJson(period.code, result.units), null, 2));
		else process.stdout.write(ikmCsv(result.units));
	});
}

export async function runSurveyLink(ctx: CliContext): Promise<void> {
	const { values } = parseOptions(ctx.args, { unit: { type: 'string' } });
	const code = requireOption(values, 'unit');
	await withMigrated(async ({ db }) => {
		const unit = await findSurveyUnitByCode(db, code);
		if (!unit) throw new CliError([`unit ${code} tidak ditemukan`]);
		ctx.out(`${readConfig().origin.replace(/\/$/, '')}/survei/${unit.surveyToken}`);
	});
}
