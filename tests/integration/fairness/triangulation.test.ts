import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createTestDb, type TestDb } from '../support/test-db';
import { NOW, buildScoredPeriod, flat, type Fixture } from '../support/coaching-fixture';
import { readTableBytes } from '../../../src/lib/server/files/table-file';
import { insertSurveyResponses } from '../../../src/lib/server/survey/survey-response.repository';
import { applyComplaintImport } from '../../../src/lib/server/complaints/complaint-import.service';
import {
	loadTriangulation,
	loadUnitTriangulation
} from '../../../src/lib/server/complaints/triangulation.service';

// A hand computation (README "Complaints and triangulation"). Period UJI-2025, survey window
// 2025-07-01..2025-09-30. Kelurahan: IPP 4, 3, 3, 2 (a tie); IKM 2, 4, 3, 3 (a tie); complaints
// KEL-01 6 in the window (2 closed), KEL-02 5 (5 closed), KEL-03 4 (below 5: no rank),
// KEL-04 5 (3 closed, ticket C1 listed twice). Puskesmas has a single unit: no rank at all.
const FILE = `ticket,unit_code,received,closed,channel
A1,KEL-01,2025-07-01,2025-07-03,SP4N-LAPOR
A2,KEL-01,2025-07-10,2025-07-20,WhatsApp
A3,KEL-01,2025-07-05,,Instagram
A4,KEL-01,2025-08-01,,
A5,KEL-01,2025-09-30,,
A6,KEL-01,2025-09-15,,
A7,KEL-01,2025-06-30,2025-07-01,
A8,KEL-01,2025-10-01,,
B1,KEL-02,2025-07-01,2025-07-02,
B2,KEL-02,2025-07-02,2025-07-03,
B3,KEL-02,2025-07-03,2025-07-05,
B4,KEL-02,2025-07-04,2025-07-07,
B5,KEL-02,2025-07-05,2025-07-10,
D1,KEL-03,2025-07-01,,
D2,KEL-03,2025-07-02,,
D3,KEL-03,2025-07-03,,
D4,KEL-03,2025-07-04,,
C1,KEL-04,2025-07-01,,
C2,KEL-04,2025-08-01,2025-08-02,
C3,KEL-04,2025-08-10,2025-08-17,
C4,KEL-04,2025-09-01,,
C5,KEL-04,2025-09-02,,
C1,KEL-04,2025-07-01,2025-07-05,Telepon
P1,PKM-01,2025-07-01,2025-07-02,
P2,PKM-01,2025-07-01,,
P3,PKM-01,2025-07-01,,
P4,PKM-01,2025-07-01,,
P5,PKM-01,2025-07-01,,
`;

let t: TestDb;
let f: Fixture;

async function table(text: string) {
	const read = await readTableBytes('pengaduan.csv', new TextEncoder().encode(text));
	if (!read.ok) throw new Error(read.problems.join('\n'));
	return read.data;
}

const complaintRows = async () => t.db.selectFrom('complaint').selectAll().orderBy('ticket').execute();

beforeAll(async () => {
	t = await createTestDb();
	f = await buildScoredPeriod(t.db, [
		{ code: 'KEL-01', category: 'Kelurahan', score: flat(4) },
		{ code: 'KEL-02', category: 'Kelurahan', score: flat(3) },
		{ code: 'KEL-03', category: 'Kelurahan', score: flat(3) },
		{ code: 'KEL-04', category: 'Kelurahan', score: flat(2) },
		{ code: 'PKM-01', category: 'Puskesmas', score: flat(3) }
	]);
	const ikm = { 'KEL-01': 2, 'KEL-02': 4, 'KEL-03': 3, 'KEL-04': 3, 'PKM-01': 3 };
	const profile = { sex: null, age_band: null, education: null, occupation: null, service: null };
	await insertSurveyResponses(
		t.db,
		Object.entries(ikm).map(([code, v]) => ({
			periodId: f.periodId,
			unitId: f.unitIds.get(code)!,
			submittedAt: Date.parse('2025-08-01T03:00:00Z'),
			answers: Array.from({ length: 9 }, () => v),
			profile,
			suggestion: null,
			source: 'paper' as const,
			enteredBy: null
		}))
	);
});
afterAll(() => t.cleanup());

describe('complaint import and triangulation against a hand computation', { timeout: 240_000 }, () => {
	it('refuses a file with any bad row and writes nothing', async () => {
		const bad = `${FILE}X1,KEL-09,2025-07-01,,\nX2,KEL-01,2025-07-09,2025-07-08,\n`;
		const result = await applyComplaintImport(t.db, await table(bad), f.users.admin, NOW);
		expect(result).toEqual({
			ok: false,
			problems: [
				'baris 30: unit KEL-09 tidak dikenal',
				'baris 31: tanggal selesai 2025-07-08 sebelum tanggal diterima 2025-07-09'
			]
		});
		expect(await complaintRows()).toEqual([]);
	});

	it('imports every ticket once, the later row of a repeated ticket winning', async () => {
		const result = await applyComplaintImport(t.db, await table(FILE), f.users.admin, NOW);
		expect(result).toEqual({ ok: true, summary: { created: 27, updated: 0, unchanged: 0 } });
		const c1 = (await complaintRows()).find((r) => r.ticket === 'C1')!;
		expect([c1.closed, c1.channel]).toEqual(['2025-07-05', 'Telepon']);
	});

	it('gives per-unit figures inside the survey window and ranks within each category', async () => {
		const tri = (await loadTriangulation(t.db, 'UJI-2025', NOW))!;
		expect(tri.period).toMatchObject({ surveyFrom: '2025-07-01', surveyTo: '2025-09-30' });
		const [kel, pkm] = tri.categories;
		expect(kel.name).toBe('Kelurahan');
		const rows = Object.fromEntries(kel.units.map((u) => [u.code, u]));
		expect(rows['KEL-01'].complaints).toEqual({ received: 6, closed: 2, shareClosed: 2 / 6, medianDays: 6 });
		expect(rows['KEL-02'].complaints).toEqual({ received: 5, closed: 5, shareClosed: 1, medianDays: 2 });
		expect(rows['KEL-03'].complaints).toEqual({ received: 4, closed: 0, shareClosed: 0, medianDays: null });
		expect(rows['KEL-04'].complaints).toEqual({ received: 5, closed: 3, shareClosed: 0.6, medianDays: 4 });
		// IPP 4, 3, 3, 2 -> 100, 50, 50, 0; IKM 2, 4, 3, 3 -> 0, 100, 50, 50;
		// share closed 1/3, 1, -, 0.6 among three units -> 0, 100, -, 50.
		expect(rows['KEL-01'].pr).toEqual({ ipp: 100, ikm: 0, complaints: 0 });
		expect(rows['KEL-02'].pr).toEqual({ ipp: 50, ikm: 100, complaints: 100 });
		expect(rows['KEL-03'].pr).toEqual({ ipp: 50, ikm: 50, complaints: null });
		expect(rows['KEL-04'].pr).toEqual({ ipp: 0, ikm: 50, complaints: 50 });
		expect(rows['KEL-01'].disagreements.map((d) => [d.pair, d.gap])).toEqual([
			[['ipp', 'ikm'], 100],
			[['ipp', 'complaints'], 100]
		]);
		expect(rows['KEL-03'].disagreements).toEqual([]);
		const resultKel01 = f.results.categories[0].units.find((u) => u.code === 'KEL-01')!;
		expect(rows['KEL-01']).toMatchObject({
			ipp: resultKel01.ipp,
			aspectV: resultKel01.aspects!.V,
			ikm: 2,
			u8: 2
		});
		expect(pkm.units[0]).toMatchObject({ pr: { ipp: null, ikm: null, complaints: null }, disagreements: [] });
		expect(pkm.units[0].complaints).toEqual({ received: 5, closed: 1, shareClosed: 0.2, medianDays: 1 });
		const one = await loadUnitTriangulation(t.db, 'UJI-2025', 'KEL-04', NOW);
		expect(one?.category).toBe('Kelurahan');
		expect(one?.unit.pr).toEqual(rows['KEL-04'].pr);
		// One unit's row reads only its own category, and the IKM of that category's units alone:
		// the same row, every figure, as in the whole period's triangulation.
		expect(one?.unit).toEqual(rows['KEL-04']);
		expect((await loadUnitTriangulation(t.db, 'UJI-2025', 'PKM-01', NOW))?.unit).toEqual(pkm.units[0]);
	});

	it('replaces a ticket imported again, by the command line, and prints the JSON', async () => {
		const file = join(dirname(t.path), 'ulang.csv');
		writeFileSync(
			file,
			'ticket;unit_code;received;closed;channel\nA3;KEL-01;2025-07-05;2025-07-20;Instagram\nB1;KEL-02;2025-07-01;2025-07-02;\n'
		);
		const admin = (...args: string[]) =>
			spawnSync('node', ['--import', 'tsx', 'src/lib/server/cli/main.ts', ...args], {
				env: { ...process.env, ...t.env },
				encoding: 'utf8'
			});
		const run = admin('import-complaints', file);
		expect(run.stderr).toBe('');
		expect(run.stdout.trim()).toBe('Impor pengaduan: 0 baru, 1 diganti, 1 tidak berubah.');
		expect(await complaintRows()).toHaveLength(27);

		const json = admin('triangulation', '--period', 'UJI-2025', '--format', 'json');
		expect(json.status).toBe(0);
		const data = JSON.parse(json.stdout);
		const kel01 = data.categories[0].units.find((u: { code: string }) => u.code === 'KEL-01');
		// A3 closed after 15 days: 3 of 6 closed, median of 2, 10 and 15 days.
		expect(kel01).toMatchObject({
			code: 'KEL-01',
			ipp_pr: 100,
			ikm_pr: 0,
			complaints_pr: 0,
			complaints: { received: 6, closed: 3, share_closed: 0.5, median_days: 10 },
			flag: ['ipp', 'ikm']
		});

		writeFileSync(file, 'ticket,unit_code,received,closed\nZ1,KEL-01,2025-13-01,\n');
		const bad = admin('import-complaints', file);
		expect(bad.status).toBe(1);
		expect(bad.stderr.trim()).toBe('baris 2: tanggal diterima "2025-13-01" bukan YYYY-MM-DD');
		expect(admin('triangulation', '--period', 'NOPE', '--format', 'json').stderr).toContain(
			'periode NOPE tidak ditemukan'
		);
	});
});
