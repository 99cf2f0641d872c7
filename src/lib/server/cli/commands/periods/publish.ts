import { CliError, type CliContext } from '../../cli-error';
import { parseOptions, requireOption } from '../../args';
import { withMigrated } from '../../open';
import { publishPeriod } from '../../../publication/publication.service';
import {
	describeFinding,
	parsePreflightClasses,
	PREFLIGHT_CLASS_LABELS,
	PREFLIGHT_CLASSES
} from '../../../../domain/publication/preflight';

// `publish --period C [--confirm CLASS,CLASS --reason TEXT] [--revision --reason TEXT]`: the
// preflight of docs/rules.md §8.1 (README, administration command line). `--confirm-open-flags` is the older spelling of
// `--confirm flags` and keeps working.

export async function runPublish(ctx: CliContext): Promise<void> {
	const { values } = parseOptions(ctx.args, {
		period: { type: 'string' },
		confirm: { type: 'string' },
		'confirm-open-flags': { type: 'boolean' },
		reason: { type: 'string' },
		revision: { type: 'boolean' }
	});
	const periodCode = requireOption(values, 'period');
	const { classes, unknown } = parsePreflightClasses(values.confirm ?? '');
	if (unknown.length)
		throw new CliError([
			`kelas --confirm tidak dikenal: ${unknown.join(', ')} (yang dikenal: ${PREFLIGHT_CLASSES.join(', ')})`
		]);
	if (values['confirm-open-flags'] === true && !classes.includes('flags')) classes.push('flags');
	const revision = values.revision === true;
	if (classes.length && !values.reason?.trim())
		throw new CliError(['opsi --reason wajib diisi bersama --confirm atau --confirm-open-flags']);
	if (revision && !values.reason?.trim())
		throw new CliError(['opsi --reason wajib diisi bersama --revision']);
	await withMigrated(async ({ db }) => {
		const r = await publishPeriod(
			db,
			{ periodCode, userId: null, confirm: classes, reason: values.reason ?? null, newRevision: revision },
			ctx.now
		);
		if (!r.ok) {
			const lines = [r.message];
			for (const f of r.preflight ?? []) {
				lines.push(`${PREFLIGHT_CLASS_LABELS[f.class]} (${f.class}, ${f.items.length}):`);
				lines.push(...describeFinding(f).map((l) => `  ${l}`));
			}
			if (r.preflight?.length)
				lines.push(
					`Terbitkan tetap dengan: --confirm ${[...classes, ...r.preflight.map((f) => f.class)].join(',')} --reason "ALASAN"`
				);
			if (r.alreadyPublished) lines.push('Terbitkan revisi baru dengan: --revision --reason "ALASAN"');
			throw new CliError(lines);
		}
		const published = r.value;
		ctx.out(
			`Periode ${periodCode} terbit (revisi ${published.revision}` +
				(published.openFlagsConfirmed
					? `, ${published.openFlagsConfirmed} selisih terbuka dikonfirmasi`
					: '') +
				(published.revision > 1 ? `, ${published.changed} unit berubah` : '') +
				').'
		);
	});
}
