import { CliError, type CliContext } from '../../cli-error';
import { parseOptions, requireOption } from '../../args';
import { withMigrated } from '../../open';
import { importScoresFile } from '../../../sheets/import/score-import.service';
import { formatNumberId } from '../../../../domain/format';
import { progressLine } from '../../progress';
import { refusalProblems } from '../../../service-result';

export async function runImportScores(ctx: CliContext): Promise<void> {
	const { values, positionals } = parseOptions(
		ctx.args,
		{ period: { type: 'string' }, replace: { type: 'boolean' }, calibration: { type: 'boolean' } },
		true
	);
	const periodCode = requireOption(values, 'period');
	if (positionals.length !== 1)
		throw new CliError(['pemakaian: import-scores --period C [--replace] [--calibration] FILE']);
	const progress = progressLine(process.stderr);
	const started = Date.now();
	const elapsed = () => `${Math.round((Date.now() - started) / 1000)} dtk`;
	try {
		await withMigrated(async (conn) => {
			const r = await importScoresFile(
				conn,
				{
					periodCode,
					path: positionals[0],
					replace: values.replace === true,
					userId: null,
					calibration: values.calibration === true,
					onProgress: (p) =>
						p.phase === 'reading'
							? progress.show(`Memeriksa dan menulis: ${formatNumberId(p.lines)} baris dibaca (${elapsed()})`)
							: progress.show(`Menyelesaikan penulisan ke basis data... (${elapsed()})`, true)
				},
				ctx.now
			);
			progress.clear();
			if (!r.ok) throw new CliError(refusalProblems(r));
			const { sheets, scores, replaced, newAssessors, startedPeriod } = r.value;
			ctx.out(
				`${values.calibration ? 'Nilai kalibrasi' : 'Nilai'} diimpor ke ${periodCode}: ${sheets} lembar, ${scores} nilai` +
					(replaced ? `, ${replaced} lembar diganti` : '') +
					(newAssessors ? `, ${newAssessors} akun penilai baru (tanpa kata sandi)` : '') +
					(startedPeriod ? '; periode kini berjalan' : '') +
					'.'
			);
		});
	} finally {
		progress.clear();
	}
}
