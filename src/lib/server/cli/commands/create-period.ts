import { CliError, type CliContext } from '../cli-error';
import { parseOptions, requireOption } from '../args';
import { openMigrated } from '../open';
import { createPeriod } from '../../services/period.service';

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
	const code = requireOption(values, 'code');
	const name = requireOption(values, 'name');
	const instrument = requireOption(values, 'instrument');
	const { db } = await openMigrated();
	try {
		const r = await createPeriod(db, { ...values, code, name, instrument }, null, ctx.now);
		if (!r.ok) throw new CliError(r.problems);
		ctx.out(`Periode ${code} dibuat (draf, ${r.units} unit, ${r.startsOn} s.d. ${r.endsOn}).`);
	} finally {
		await db.destroy();
	}
}
