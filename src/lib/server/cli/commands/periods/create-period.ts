import type { CliContext } from '../../cli-error';
import { CliError } from '../../cli-error';
import { parseOptions, requireOption } from '../../args';
import { withMigrated } from '../../open';
import { createPeriod } from '../../../periods/period-admin.service';
import { DEFAULT_COACHING_RULE } from '../../../../domain/coaching/rule';
import { addDays } from '../../../../domain/dates';
import { officeDate } from '../../../config';
import { refusalErrors } from '../../../service-result';

function intOption(
	values: Record<string, unknown>,
	name: string,
	fallback: number,
	problems: string[]
): number {
	const raw = values[name];
	if (raw === undefined) return fallback;
	if (typeof raw !== 'string' || !/^\d{1,3}$/.test(raw)) {
		problems.push(`opsi --${name} harus bilangan bulat`);
		return fallback;
	}
	return Number(raw);
}

// README: create-period --code C --name N --instrument I [--visits 2] [--assessors 2] [--awards 2] [--from] [--to]
export async function runCreatePeriod(ctx: CliContext): Promise<void> {
	const { values } = parseOptions(ctx.args, {
		code: { type: 'string' },
		name: { type: 'string' },
		instrument: { type: 'string' },
		visits: { type: 'string' },
		assessors: { type: 'string' },
		awards: { type: 'string' },
		from: { type: 'string' },
		to: { type: 'string' }
	});
	const problems: string[] = [];
	for (const name of ['code', 'name', 'instrument'])
		if (!values[name as keyof typeof values]) problems.push(`opsi --${name} wajib diisi`);
	const visits = intOption(values, 'visits', 2, problems);
	const assessors = intOption(values, 'assessors', 2, problems);
	const awards = intOption(values, 'awards', 2, problems);
	if (problems.length) throw new CliError(problems);
	const from = values.from ?? officeDate(ctx.now);
	const to = values.to ?? addDays(from, 90);
	await withMigrated(async ({ db }) => {
		const result = await createPeriod(
			db,
			{
				code: requireOption(values, 'code'),
				name: requireOption(values, 'name'),
				instrumentCode: requireOption(values, 'instrument'),
				requiredVisits: visits,
				requiredAssessors: assessors,
				awardsPerCategory: awards,
				awardMinGrade: null,
				disagreementThreshold: 2,
				coachingRule: DEFAULT_COACHING_RULE,
				startsOn: from,
				endsOn: to,
				// Empty: the default window, after the latest existing one (docs/rules.md §8.6).
				surveyFrom: '',
				surveyTo: ''
			},
			null,
			ctx.now
		);
		if (!result.ok) throw new CliError(Object.entries(refusalErrors(result)).map(([f, m]) => `${f}: ${m}`));
		const p = result.value;
		ctx.out(
			`Periode ${p.code} (draf) dibuat: ${p.unitCount} unit, ${p.startsOn} s.d. ${p.endsOn}; survei ${p.surveyFrom} s.d. ${p.surveyTo}.`
		);
	});
}
