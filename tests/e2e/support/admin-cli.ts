import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

// The administration command line against the e2e server's database (README), and the score
// files the browser tests feed it.

export function adminCli(...args: string[]): string {
	const run = spawnSync('npx', ['tsx', 'src/lib/server/cli/main.ts', ...args], {
		env: { ...process.env, DATABASE_PATH: inject('databasePath') },
		encoding: 'utf8'
	});
	if (run.status !== 0) throw new Error(`admin ${args.join(' ')} failed:\n${run.stderr}`);
	return run.stdout;
}

/** The scored indicator codes of the 17/2017 instrument, in instrument order. */
export function scoredCodes17(): string[] {
	const instrument = JSON.parse(readFileSync('db/instruments/permenpan-17-2017.json', 'utf8')) as {
		aspects: { indicators: { code: string; weight: number }[] }[];
	};
	return instrument.aspects.flatMap((a) => a.indicators.filter((i) => i.weight > 0).map((i) => i.code));
}

/** Writes an `import-scores` CSV (header added) to a temporary file and returns its path. */
export function writeScoresCsv(rows: readonly string[]): string {
	const path = join(mkdtempSync(join(tmpdir(), 'rapor-e2e-scores-')), 'scores.csv');
	writeFileSync(path, ['unit_code,visit_no,assessor_email,indicator_code,score,note', ...rows].join('\n'));
	return path;
}
