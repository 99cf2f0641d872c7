import type { CliContext } from '../../cli-error';
import { CliError } from '../../cli-error';
import { parseOptions } from '../../args';
import { withMigrated } from '../../open';
import { assignAssessorToVisit } from '../../../accounts/assignment.service';
import { refusalErrors } from '../../../service-result';

// `assign --period C --unit U --visit N --assessor EMAIL [--date YYYY-MM-DD]` (README).
export async function runAssign(ctx: CliContext): Promise<void> {
	const { values } = parseOptions(ctx.args, {
		period: { type: 'string' },
		unit: { type: 'string' },
		visit: { type: 'string' },
		assessor: { type: 'string' },
		date: { type: 'string' }
	});
	const problems: string[] = [];
	for (const name of ['period', 'unit', 'visit', 'assessor'] as const)
		if (!values[name]?.trim()) problems.push(`opsi --${name} wajib diisi`);
	const visitNo = Number(values.visit);
	if (values.visit && !/^\d+$/.test(values.visit.trim()))
		problems.push(`opsi --visit harus bilangan bulat (kini "${values.visit}")`);
	if (problems.length) throw new CliError(problems);
	await withMigrated(async ({ db }) => {
		const result = await assignAssessorToVisit(
			db,
			{
				periodCode: values.period!,
				unitCode: values.unit!,
				visitNo,
				assessorEmail: values.assessor!,
				plannedOn: values.date?.trim() || null
			},
			null,
			ctx.now
		);
		if (!result.ok) throw new CliError(Object.values(refusalErrors(result)));
		ctx.out(result.value.summary);
	});
}
