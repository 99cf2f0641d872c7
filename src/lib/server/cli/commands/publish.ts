import { CliError, type CliContext } from '../cli-error';
import { parseOptions, requireOption } from '../args';
import { openMigrated } from '../open';
import { publishPeriod } from '../../publication/publication.service';
import { describeFlag } from '../../sheets/score-review.service';

export async function runPublish(ctx: CliContext): Promise<void> {
	const { values } = parseOptions(ctx.args, {
		period: { type: 'string' },
		'confirm-open-flags': { type: 'boolean' },
		reason: { type: 'string' },
		revision: { type: 'boolean' }
	});
	const periodCode = requireOption(values, 'period');
	const confirm = values['confirm-open-flags'] === true;
	const revision = values.revision === true;
	if (confirm && !values.reason?.trim())
		throw new CliError(['opsi --reason wajib diisi bersama --confirm-open-flags']);
	if (revision && !values.reason?.trim())
		throw new CliError(['opsi --reason wajib diisi bersama --revision']);
	const { db } = await openMigrated();
	try {
		const r = await publishPeriod(
			db,
			{
				periodCode,
				userId: null,
				confirmOpenFlags: confirm,
				reason: values.reason ?? null,
				newRevision: revision
			},
			ctx.now
		);
		if (!r.ok) {
			const lines = [r.error, ...(r.openFlags ?? []).map(describeFlag)];
			if (r.openFlags?.length) lines.push('Terbitkan tetap dengan: --confirm-open-flags --reason "ALASAN"');
			if (r.alreadyPublished) lines.push('Terbitkan revisi baru dengan: --revision --reason "ALASAN"');
			throw new CliError(lines);
		}
		ctx.out(
			`Periode ${periodCode} terbit (revisi ${r.revision}` +
				(r.openFlagsConfirmed ? `, ${r.openFlagsConfirmed} selisih terbuka dikonfirmasi` : '') +
				').'
		);
	} finally {
		await db.destroy();
	}
}
