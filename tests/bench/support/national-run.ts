import { statSync } from 'node:fs';
import type { OpenDatabase } from '../../../src/lib/server/db/connection';
import { migrateToLatest } from '../../../src/lib/server/db/migrate';
import { seedInstruments } from '../../../db/seeds/demo-city';
import { findInstrumentByCode } from '../../../src/lib/server/periods/instrument.repository';
import { findPeriodByCode } from '../../../src/lib/server/periods/period.repository';
import { importScoresFile } from '../../../src/lib/server/sheets/import/score-import.service';
import { computeResultsDocument } from '../../../src/lib/server/results/results.service';
import { createDefaultPeriod } from '../../integration/support/periods';
import { insertUnits, writeScoreCsv } from './national-period';
import { insertUnitsPostgres } from './postgres-database';
import { cpuSeconds, fmt, seconds } from './figures';

// The timed steps of the national-period benchmark on either engine (results.bench.ts on SQLite,
// postgres.bench.ts on PostgreSQL): the same period, the same file, the same code measured.

export const PERIOD = 'NAS-2026';

/** Migrates conn, adds the instruments, `units` units and the period, writes its score file; returns its rows. */
export async function prepareNationalPeriod(
	conn: OpenDatabase,
	units: number,
	csv: string,
	now: Date,
	log: (s: string) => void
): Promise<number> {
	await migrateToLatest(conn.db);
	await seedInstruments(conn.db, now);
	if (conn.engine === 'sqlite') insertUnits(conn, units);
	else await insertUnitsPostgres(conn.db, units);
	await createDefaultPeriod(
		conn.db,
		{ code: PERIOD, name: 'Bench nasional', instrument: 'permenpan-17-2017' },
		now
	);
	const def = (await findInstrumentByCode(conn.db, 'permenpan-17-2017'))!.def;
	const t0 = performance.now();
	const scores = await writeScoreCsv(csv, def, units);
	log(`CSV: ${fmt(scores)} nilai, ${fmt(statSync(csv).size / 2 ** 20)} MB, ${seconds(t0).toFixed(1)} s`);
	return scores;
}

/** `importScoresFile` of the score file, timed (wall and CPU), with the peak RSS after it. */
export async function timeImport(conn: OpenDatabase, csv: string, now: Date, log: (s: string) => void) {
	const t0 = performance.now();
	const c0 = process.cpuUsage();
	const result = await importScoresFile(
		conn,
		{ periodCode: PERIOD, path: csv, replace: false, userId: null },
		now
	);
	const s = seconds(t0);
	const cpu = cpuSeconds(c0);
	if (!result.ok) throw new Error(result.problems.slice(0, 5).join('\n'));
	const imported = result.value;
	const rate = imported.scores / s;
	log(`import: ${fmt(s, 1)} s, ${fmt(rate)} nilai/s, ${imported.sheets} lembar`);
	return { imported, seconds: s, cpu, rate, rss: process.resourceUsage().maxRSS };
}

/** How often the results are computed; the figure is the median run. */
export const RESULT_RUNS = 5;

/**
 * `computeResultsDocument` of the period, timed (wall and CPU) RESULT_RUNS times: one run on two
 * shared cores varies by half its time from one run to the next, so the median run is the figure
 * and the first and the range are reported beside it.
 */
export async function timeResults(conn: OpenDatabase) {
	const period = (await findPeriodByCode(conn.db, PERIOD))!;
	const runs: { seconds: number; cpu: number }[] = [];
	let ranked = 0;
	for (let i = 0; i < RESULT_RUNS; i++) {
		const t0 = performance.now();
		const c0 = process.cpuUsage();
		const doc = await computeResultsDocument(conn.db, period);
		runs.push({ seconds: seconds(t0), cpu: cpuSeconds(c0) });
		ranked = doc.categories.reduce((n, c) => n + c.count, 0);
	}
	const first = runs[0].seconds;
	const walls = runs.map((r) => r.seconds).sort((a, b) => a - b);
	const median = [...runs].sort((a, b) => a.seconds - b.seconds)[RESULT_RUNS >> 1];
	return {
		period,
		seconds: median.seconds,
		cpu: median.cpu,
		first,
		min: walls[0],
		max: walls[walls.length - 1],
		ranked
	};
}
