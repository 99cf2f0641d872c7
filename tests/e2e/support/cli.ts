import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

/** Runs the admin command line against the e2e server's database; throws with its stderr on failure. */
export function runAdmin(...args: string[]): string {
	return runAdminOn(inject('databasePath'), ...args);
}

/** The same against another database (a test that starts its own app). */
export function runAdminOn(databasePath: string, ...args: string[]): string {
	const run = spawnSync('npx', ['tsx', 'src/lib/server/cli/main.ts', ...args], {
		env: { ...process.env, DATABASE_PATH: databasePath, DEMO_SEED: '0' },
		encoding: 'utf8'
	});
	if (run.status !== 0) throw new Error(`admin ${args.join(' ')} failed:\n${run.stderr}`);
	return run.stdout;
}

/** The scored indicator codes of a shipped instrument, in instrument order. */
export function scoredIndicatorCodes(instrument = 'permenpan-17-2017'): string[] {
	const def = JSON.parse(readFileSync(`db/instruments/${instrument}.json`, 'utf8')) as {
		aspects: { indicators: { code: string; weight: number }[] }[];
	};
	return def.aspects.flatMap((a) => a.indicators.filter((i) => i.weight > 0).map((i) => i.code));
}

/** Writes a scores CSV (header added) to a fresh temporary folder and returns its path. */
export function writeScoresCsv(rows: readonly string[]): string {
	const path = join(mkdtempSync(join(tmpdir(), 'rapor-e2e-scores-')), 'scores.csv');
	writeFileSync(path, ['unit_code,visit_no,assessor_email,indicator_code,score,note', ...rows].join('\n'));
	return path;
}
