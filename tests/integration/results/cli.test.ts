import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/test-db';
import { EXAMPLES, tempFile, removeTempFiles } from './support';
afterAll(removeTempFiles);

// The command line end to end: exit codes, stdout summary, stderr problems (README "Administration command line").
let t: TestDb;
beforeAll(async () => {
	// No instruments seeded here: every command ships them into the database it opens.
	t = await createTestDb();
});
afterAll(() => t.cleanup());

function admin(...args: string[]) {
	const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/lib/server/cli/main.ts', ...args], {
		env: { ...process.env, ...t.env },
		encoding: 'utf8'
	});
	return { code: run.status, out: run.stdout, err: run.stderr.replace(/^npm warn.*\n/gm, '') };
}

describe('admin command line for periods, imports, results and publication', () => {
	it('creates a period, refuses a bad score file with exit 1, imports, prints results and publishes', () => {
		expect(admin('import-units', join(EXAMPLES, 'units.csv')).code).toBe(0);
		const created = admin(
			'create-period',
			'--code',
			'EX',
			'--name',
			'Contoh',
			'--instrument',
			'permenpan-17-2017'
		);
		expect(created).toMatchObject({ code: 0, err: '' });
		expect(created.out).toMatch(/^Periode EX .*dibuat: 5 unit/);

		const bad = admin('import-scores', '--period', 'EX', tempFile('bad.csv', 'unit_code;visit_no\nX;1\n'));
		expect(bad.code).toBe(1);
		expect(bad.err.trim().split('\n')).toEqual([
			'baris 1: kolom wajib tidak ada: assessor_email, indicator_code, score; baris judul harus berisi: unit_code,visit_no,assessor_email,indicator_code,score,note'
		]);

		expect(admin('import-scores', '--period', 'EX', join(EXAMPLES, 'scores.csv')).code).toBe(0);
		const csv = admin('results', '--period', 'EX', '--format', 'csv');
		expect(csv.code).toBe(0);
		// categories in the administrator's order: the import created Puskesmas first (docs/rules.md §8.8)
		const lines = csv.out.split('\r\n');
		expect(lines[1]).toMatch(/^Puskesmas,PKM-A,/);
		// docs/rules.md §8.2: Kelurahan has one ranked unit, below the default minimum of 3: no award.
		expect(lines.find((l) => l.startsWith('Kelurahan,'))).toMatch(
			/^Kelurahan,KEL-B,Kelurahan Contoh B,2\.99451\d*,"2,99",C,Cukup,1,true,,/
		);

		const refused = admin('publish', '--period', 'EX');
		expect(refused.code).toBe(1);
		expect(refused.err).toContain('unit PKM-C indikator 6: selisih 3');
		// docs/rules.md §8.1: every non-empty class, with its units (the window runs 90 days from today).
		expect(refused.err).toContain('incomplete: KEL-A belum lengkap');
		expect(refused.err).toContain('window: masa kunjungan berlangsung sampai');
		expect(refused.err).toContain('no-awards: Kelurahan Hanya 1 unit diperingkat');
		// `--confirm-open-flags` still means `--confirm flags`.
		const published = admin(
			'publish',
			'--period',
			'EX',
			'--confirm',
			'incomplete,window,no-awards',
			'--confirm-open-flags',
			'--reason',
			'Dibahas dalam rapat'
		);
		expect(published).toMatchObject({ code: 0 });
		expect(published.out).toContain('revisi 1');
		const json = JSON.parse(admin('results', '--period', 'EX', '--format', 'json').out);
		expect(json.period.status).toBe('published');
	}, 180_000); // a dozen command-line processes, each starting tsx
});
