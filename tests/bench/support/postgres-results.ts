import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../src/lib/server/db/connection';
import { prepareNationalPeriod, RESULT_RUNS, timeImport, timeResults } from './national-run';
import { createDatabase } from './postgres-database';
import { copyFloorRate, pgSqlPassSeconds } from './postgres-floors';
import { fmt, mb, type Row } from './figures';
import { cleanUpOnInterrupt } from './interrupt';

// The national period of results.bench.ts on PostgreSQL: the import (`importScoresFile`) beside a
// COPY floor, the full results (`computeResultsDocument`) beside a one-query SQL floor.

export async function resultsOnPostgres(clusterUrl: string, units: number, log: (s: string) => void) {
	const dir = mkdtempSync(join(tmpdir(), 'rapor-bench-pg-'));
	const unregister = cleanUpOnInterrupt(() => rmSync(dir, { recursive: true, force: true }));
	const url = await createDatabase(clusterUrl, 'rapor_bench');
	const conn = openDatabase(url);
	const now = new Date();
	try {
		const csv = join(dir, 'scores.csv');
		await prepareNationalPeriod(conn, units, csv, now, log);
		const imp = await timeImport(conn, csv, now, log);
		rmSync(csv);
		const res = await timeResults(conn);
		log(`hasil: ${fmt(res.seconds, 2)} s (${fmt(res.ranked)} unit berperingkat)`);

		const sqlS = await pgSqlPassSeconds(url, res.period.id);
		log(`lantai SQL: ${fmt(sqlS, 2)} s`);
		const copy = await copyFloorRate(url, join(dir, 'score.copy'));
		log(`lantai COPY: ${fmt(copy.rate)} nilai/s (${fmt(copy.rows)} baris)`);
		if (copy.rows !== imp.imported.scores)
			throw new Error(`COPY floor copied ${copy.rows} rows, the import wrote ${imp.imported.scores}`);

		const rows: Row[] = [
			{
				figure: 'PostgreSQL: import throughput, full validation',
				value: `${fmt(imp.rate)} scores/s (${fmt(imp.imported.scores)} scores in ${fmt(imp.seconds, 1)} s; CPU ${fmt(imp.cpu, 1)} s); ${fmt(imp.rate / copy.rate, 2)} of the floor`,
				floor: `${fmt(copy.rate)} scores/s COPY`,
				target: 'reported',
				pass: null
			},
			{
				figure: `PostgreSQL: full results (IPP, aspects, ranks, awards), median of ${RESULT_RUNS} runs`,
				value: `${fmt(res.seconds, 2)} s (CPU ${fmt(res.cpu, 2)} s; first run ${fmt(res.first, 2)} s, all ${fmt(res.min, 2)}–${fmt(res.max, 2)} s); ${fmt(res.seconds / sqlS, 1)} × the floor's time`,
				floor: `${fmt(sqlS, 2)} s one SQL pass over raw scores`,
				target: 'reported',
				pass: null
			},
			{
				figure: 'PostgreSQL: peak memory (RSS) of the bench process after import',
				value: mb(imp.rss),
				floor: '',
				target: 'reported',
				pass: null
			}
		];
		const notes = [
			`${fmt(imp.imported.sheets)} sheets, ${fmt(res.ranked)} ranked units; import = \`importScoresFile\` (the code of \`npm run admin -- import-scores\` with DATABASE_URL) in one transaction.`,
			'COPY floor: the same rows (copied out of `score` first, not timed) COPY-ed FROM STDIN through `pg` and pg-copy-streams into `score_floor`, a table with the columns, checks, primary key and foreign keys of `score`, in one transaction.',
			"SQL floor: the SQLite floor's hand-written query (tests/bench/support/floors.ts) run once through `pg`."
		];
		return { rows, notes };
	} finally {
		unregister();
		await conn.db.destroy();
		rmSync(dir, { recursive: true, force: true });
	}
}
