import { CliError, type CliContext } from '../../cli-error';
import { parseOptions, requireOption } from '../../args';
import { withMigrated } from '../../open';
import { abandonCorrection, openCorrection } from '../../../corrections/correction.service';

// `correction --period C --open --reason TEXT` / `--abandon --reason TEXT` (README, docs/rules.md
// §8.3): while a correction is open, sheets of the published period can be reopened, added or
// replaced by `import-scores --replace`; `publish --revision` ends it.

export async function runCorrection(ctx: CliContext): Promise<void> {
	const { values } = parseOptions(ctx.args, {
		period: { type: 'string' },
		open: { type: 'boolean' },
		abandon: { type: 'boolean' },
		reason: { type: 'string' }
	});
	const periodCode = requireOption(values, 'period');
	if (values.open === values.abandon) throw new CliError(['pilih tepat satu dari --open atau --abandon']);
	const reason = values.reason;
	if (!reason?.trim()) throw new CliError(['opsi --reason wajib diisi']);
	await withMigrated(async ({ db }) => {
		const input = { periodCode, userId: null, reason };
		const r = values.open
			? await openCorrection(db, input, ctx.now)
			: await abandonCorrection(db, input, ctx.now);
		if (!r.ok) throw new CliError([r.message]);
		const { revision } = r.value;
		ctx.out(
			values.open
				? `Koreksi periode ${r.value.periodCode} dibuka (revisi terbit ${revision} tetap tampil publik sampai revisi berikutnya).`
				: `Koreksi periode ${r.value.periodCode} dibatalkan; lembar penilaian kembali seperti pada revisi ${revision}.`
		);
	});
}
