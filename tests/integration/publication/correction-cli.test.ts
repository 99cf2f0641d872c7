import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/test-db';
import { EXAMPLES, removeTempFiles, tempFile } from '../results/support';

// `correction --open/--abandon` and the commands it unlocks (README, docs/rules.md §8.3).
let t: TestDb;
beforeAll(async () => {
	t = await createTestDb();
});
afterAll(() => {
	removeTempFiles();
	return t.cleanup();
});

function admin(...args: string[]) {
	const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/lib/server/cli/main.ts', ...args], {
		env: { ...process.env, ...t.env },
		encoding: 'utf8'
	});
	return { code: run.status, out: run.stdout, err: run.stderr.replace(/^npm warn.*\n/gm, '') };
}

const rows = readFileSync(join(EXAMPLES, 'scores.csv'), 'utf8').trim().split('\n');
/** KEL-A's missing second visit (the first visit's scores by another assessor), semicolons. */
const missingVisit = tempFile(
	'kel-a-2.csv',
	'\ufeff' +
		[
			rows[0],
			...rows
				.filter((r) => r.startsWith('KEL-A,1,'))
				.map((r) => r.replace(/^KEL-A,1,[^,]+,/, 'KEL-A,2,budi@univ-b.ac.id,'))
		]
			.map((r) => r.replaceAll(',', ';'))
			.join('\n')
);

describe('correction on the command line', () => {
	it('opens a correction, imports the missing visit into the published period and publishes revision 2', () => {
		expect(admin('import-units', join(EXAMPLES, 'units.csv')).code).toBe(0);
		expect(
			admin('create-period', '--code', 'EX', '--name', 'Contoh', '--instrument', 'permenpan-17-2017').code
		).toBe(0);
		expect(admin('import-scores', '--period', 'EX', join(EXAMPLES, 'scores.csv')).code).toBe(0);
		const first = admin(
			'publish',
			'--period',
			'EX',
			'--confirm',
			'incomplete,window,no-awards,flags',
			'--reason',
			'Rapat pleno'
		);
		expect(first.code).toBe(0);
		const published = admin('results', '--period', 'EX', '--format', 'json').out;

		// Refused before a correction, and without a reason.
		expect(admin('import-scores', '--period', 'EX', '--replace', missingVisit)).toMatchObject({ code: 1 });
		expect(admin('correction', '--period', 'EX', '--open')).toMatchObject({
			code: 1,
			err: 'opsi --reason wajib diisi\n'
		});
		expect(admin('correction', '--period', 'EX', '--abandon', '--reason', 'Tidak ada koreksi')).toMatchObject(
			{
				code: 1,
				err: 'Periode EX tidak sedang dikoreksi.\n'
			}
		);

		const opened = admin(
			'correction',
			'--period',
			'EX',
			'--open',
			'--reason',
			'Kunjungan kedua KEL-A tertinggal'
		);
		expect(opened).toMatchObject({ code: 0, err: '' });
		expect(opened.out).toContain('Koreksi periode EX dibuka');
		expect(admin('import-scores', '--period', 'EX', '--replace', missingVisit)).toMatchObject({ code: 0 });
		// The public numbers stay those of revision 1 until the correction is published.
		expect(admin('results', '--period', 'EX', '--format', 'json').out).toBe(published);

		const revised = admin(
			'publish',
			'--period',
			'EX',
			'--revision',
			'--confirm',
			'window,no-awards,flags',
			'--reason',
			'Koreksi kunjungan KEL-A'
		);
		expect(revised).toMatchObject({ code: 0, err: '' });
		expect(revised.out).toContain('revisi 2');
		// KEL-A is now ranked, and KEL-B moved below it.
		expect(revised.out).toContain('2 unit berubah');
		const kelA = JSON.parse(admin('results', '--period', 'EX', '--format', 'json').out)
			.categories.flatMap((c: { units: { code: string }[] }) => c.units)
			.find((u: { code: string }) => u.code === 'KEL-A');
		expect(kelA).toMatchObject({ complete: true, visits: 2 });
		// The correction ended with the revision: the period is locked again.
		expect(admin('import-scores', '--period', 'EX', '--replace', missingVisit)).toMatchObject({ code: 1 });
	}, 600_000);
});
