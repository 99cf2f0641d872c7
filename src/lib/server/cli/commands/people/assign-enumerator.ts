import type { CliContext } from '../../cli-error';
import { CliError } from '../../cli-error';
import { parseOptions } from '../../args';
import { withMigrated } from '../../open';
import { assignEnumeratorToUnit } from '../../../enumerators/enumerator-assignment.service';

// `assign-enumerator --period C --unit U --enumerator EMAIL` (README "Survey enumerators").
export async function runAssignEnumerator(ctx: CliContext): Promise<void> {
	const { values } = parseOptions(ctx.args, {
		period: { type: 'string' },
		unit: { type: 'string' },
		enumerator: { type: 'string' }
	});
	const problems: string[] = [];
	for (const name of ['period', 'unit', 'enumerator'] as const)
		if (!values[name]?.trim()) problems.push(`opsi --${name} wajib diisi`);
	if (problems.length) throw new CliError(problems);
	await withMigrated(async ({ db }) => {
		const r = await assignEnumeratorToUnit(
			db,
			{ periodCode: values.period!, unitCode: values.unit!, email: values.enumerator! },
			null,
			ctx.now
		);
		if (!r.ok) throw new CliError([r.message]);
		ctx.out(r.value);
	});
}
