import type { CliContext } from '../cli-error';
import { CliError } from '../cli-error';
import { parseOptions, requireOption } from '../args';
import { openMigrated } from '../open';
import { assignByCodes } from '../../services/visit-team.service';

// Contracts: assign --period C --unit U --visit N --assessor EMAIL [--date YYYY-MM-DD]
export async function runAssign(ctx: CliContext): Promise<void> {
	const { values } = parseOptions(ctx.args, {
		period: { type: 'string' },
		unit: { type: 'string' },
		visit: { type: 'string' },
		assessor: { type: 'string' },
		date: { type: 'string' }
	});
	const problems = ['period', 'unit', 'visit', 'assessor']
		.filter((k) => !values[k as keyof typeof values])
		.map((k) => `opsi --${k} wajib diisi`);
	if (values.visit && !/^\d{1,2}$/.test(values.visit)) problems.push('opsi --visit harus bilangan bulat');
	if (problems.length) throw new CliError(problems);
	const { db } = await openMigrated();
	try {
		const input = {
			periodCode: requireOption(values, 'period'),
			unitCode: requireOption(values, 'unit'),
			visitNo: Number(values.visit),
			email: requireOption(values, 'assessor'),
			date: values.date ?? null
		};
		const result = await assignByCodes(db, input, null, ctx.now);
		if (!result.ok) throw new CliError(Object.entries(result.errors).map(([f, m]) => `${f}: ${m}`));
		ctx.out(
			`${input.email} ditugaskan ke ${input.unitCode.toUpperCase()} kunjungan ke-${input.visitNo} (${input.periodCode}).`
		);
	} finally {
		await db.destroy();
	}
}
