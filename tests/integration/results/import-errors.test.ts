import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../support/test-db';
import { loadShipped } from '../../unit/instrument/shipped';
import { scoredIndicators } from '../../../src/lib/domain/instrument/queries';
import { count, dbWithPeriod, EXAMPLES, importScores, tempFile, removeTempFiles } from './support';
afterAll(removeTempFiles);

const HEADER = 'unit_code,visit_no,assessor_email,indicator_code,score,note';
const codes = scoredIndicators(loadShipped('permenpan-17-2017')).map((i) => i.code);

/** A full sheet: every scored indicator scored 3. */
function sheet(unit: string, visit: number | string, email: string, score = '3'): string[] {
	return codes.map((c) => `${unit},${visit},${email},${c},${score},`);
}

let t: TestDb;
afterEach(async () => t?.cleanup());

async function fresh() {
	t = await dbWithPeriod(join(EXAMPLES, 'units.csv'), 'permenpan-17-2017');
}

describe('import-scores refuses a bad file with line-numbered reasons and commits nothing', () => {
	it('reports every kind of row problem on its spreadsheet line', async () => {
		await fresh();
		const rows = [
			HEADER,
			...sheet('PKM-A', 1, 'ani@univ-a.ac.id'), // lines 2..38
			'NOPE-1,1,ani@univ-a.ac.id,1.a.K1,3,', // 39 unknown unit
			'PKM-A,1,ani@univ-a.ac.id,9.z.Q,3,', // 40 indicator not in instrument
			'PKM-A,1,ani@univ-a.ac.id,1.a.K1,7,', // 41 score out of range (and a duplicate)
			'PKM-B,1,budi@univ-b.ac.id,1.a.K1,5,', // 42 five without note
			'PKM-B,0,budi@univ-b.ac.id,1.a.K1,3,', // 43 visit below 1
			'PKM-B,1,budi@univ-b.ac.id,1.a.K2,3.5,' // 44 not an integer
		];
		const result = await importScores(t, tempFile('bad.csv', rows.join('\n')));
		expect(result.ok).toBe(false);
		const problems = result.ok ? [] : result.problems;
		expect(problems).toContain('baris 39: unit "NOPE-1" tidak dikenal');
		expect(problems).toContain(
			'baris 40: indikator "9.z.Q" tidak ada dalam instrumen permenpan-17-2017 periode ini'
		);
		expect(problems).toContain('baris 41: nilai harus bilangan bulat 0 sampai 5 (kini "7")');
		expect(problems).toContain(
			'baris 41: baris ganda: unit PKM-A kunjungan 1 penilai ani@univ-a.ac.id indikator 1.a.K1 sudah ada di baris 2'
		);
		expect(problems).toContain('baris 42: nilai 5 wajib disertai catatan (kolom note)');
		expect(problems).toContain('baris 43: nomor kunjungan harus bilangan bulat minimal 1 (kini "0")');
		expect(problems).toContain('baris 44: nilai harus bilangan bulat 0 sampai 5 (kini "3.5")');
		// The PKM-B sheet of visit 1 misses indicators: cited at its first row.
		expect(
			problems.some((p) =>
				p.startsWith('baris 42: lembar unit PKM-B kunjungan 1 penilai budi@univ-b.ac.id belum menilai')
			)
		).toBe(true);
		// Sorted by line.
		const lines = problems.map((p) => Number(/^baris (\d+)/.exec(p)![1]));
		expect(lines).toEqual([...lines].sort((a, b) => a - b));
		for (const table of ['score', 'score_sheet', 'visit', 'sheet_aspect_sum'] as const)
			expect(await count(t, table)).toBe(0);
		expect(await count(t, 'user')).toBe(0);
		const period = await t.db.selectFrom('period').select('status').executeTakeFirstOrThrow();
		expect(period.status).toBe('draft');
	});

	it('refuses an empty file and a wrong header on line 1', async () => {
		await fresh();
		const empty = await importScores(t, tempFile('empty.csv', ''));
		expect(empty).toMatchObject({ ok: false, status: 400, problems: [expect.stringMatching(/^baris 1: /)] });
		const wrong = await importScores(
			t,
			tempFile('wrong.csv', 'unit,visit,email,indicator,score\nPKM-A,1,a@b.id,1.a.K1,3\n')
		);
		expect(wrong.ok).toBe(false);
		expect(!wrong.ok && wrong.problems[0]).toMatch(/^baris 1: kolom "unit" tidak dikenal/);
	});

	it('refuses an existing sheet without --replace, and replaces it (audited) with --replace', async () => {
		await fresh();
		const first = [HEADER, ...sheet('PKM-A', 1, 'ani@univ-a.ac.id')].join('\n');
		expect((await importScores(t, tempFile('a.csv', first))).ok).toBe(true);
		const again = [HEADER, ...sheet('PKM-A', 1, 'ani@univ-a.ac.id', '4')].join('\n');
		const refused = await importScores(t, tempFile('b.csv', again));
		expect(refused).toMatchObject({
			ok: false,
			status: 400,
			problems: [
				'baris 2: lembar unit PKM-A kunjungan 1 penilai ani@univ-a.ac.id sudah ada; pakai --replace untuk menggantinya'
			]
		});
		const replaced = await importScores(t, tempFile('b.csv', again), true);
		expect(replaced).toMatchObject({ ok: true, value: { sheets: 1, replaced: 1 } });
		expect(await count(t, 'score_sheet')).toBe(1);
		const scores = await t.db.selectFrom('score').select('score').distinct().execute();
		expect(scores.map((s) => s.score)).toEqual([4]);
		const audit = await t.db
			.selectFrom('audit_log')
			.select('action')
			.where('action', '=', 'score_sheet.replace')
			.execute();
		expect(audit).toHaveLength(1);
	});

	it('reads semicolons, a byte-order mark, CRLF and quoted notes that span lines', async () => {
		await fresh();
		const rows = sheet('PKM-A', 1, 'ani@univ-a.ac.id').map((r) => r.replaceAll(',', ';'));
		rows[0] = rows[0].replace(/;3;$/, ';5;"Bukti ""lengkap"";\ndi ruang tunggu"');
		rows.push('PKM-A;1;ani@univ-a.ac.id;1.a.K2;3;'); // line 39: the note above spans two lines but is one row
		const text = '\uFEFF' + [HEADER.replaceAll(',', ';'), ...rows].join('\r\n');
		const result = await importScores(t, tempFile('semi.csv', text));
		expect(result).toMatchObject({
			ok: false,
			status: 400,
			problems: [
				'baris 39: baris ganda: unit PKM-A kunjungan 1 penilai ani@univ-a.ac.id indikator 1.a.K2 sudah ada di baris 3'
			]
		});
		rows.pop();
		const ok = await importScores(
			t,
			tempFile('semi.csv', '\uFEFF' + [HEADER.replaceAll(',', ';'), ...rows].join('\r\n'))
		);
		expect(ok).toMatchObject({ ok: true, value: { sheets: 1, scores: codes.length } });
		const note = await t.db
			.selectFrom('score')
			.select('note')
			.where('score', '=', 5)
			.executeTakeFirstOrThrow();
		expect(note.note).toBe('Bukti "lengkap";\ndi ruang tunggu');
	});

	it('imports the first sheet of an XLSX file and cites XLSX row numbers', async () => {
		await fresh();
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Nilai');
		ws.addRow(HEADER.split(','));
		for (const r of sheet('PKM-A', 1, 'ani@univ-a.ac.id')) {
			const [u, v, e, c, s] = r.split(',');
			ws.addRow([u, Number(v), e, c, Number(s), null]);
		}
		ws.addRow(['PKM-A', 1, 'ani@univ-a.ac.id', '1.a.K1', 0, null]);
		const path = tempFile('n.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
		const bad = await importScores(t, path);
		expect(bad.ok).toBe(false);
		expect(!bad.ok && bad.problems).toContain('baris 39: nilai 0 wajib disertai catatan (kolom note)');
		ws.spliceRows(39, 1);
		const good = await importScores(t, tempFile('g.xlsx', Buffer.from(await wb.xlsx.writeBuffer())));
		expect(good).toMatchObject({ ok: true, value: { sheets: 1, scores: codes.length, newAssessors: 1 } });
	});

	it('refuses a published period', async () => {
		await fresh();
		await t.db.updateTable('period').set({ status: 'published' }).execute();
		const r = await importScores(
			t,
			tempFile('a.csv', [HEADER, ...sheet('PKM-A', 1, 'ani@univ-a.ac.id')].join('\n'))
		);
		expect(r).toMatchObject({
			ok: false,
			status: 409,
			problems: ['periode P1 sudah terbit; nilai tidak dapat diimpor lagi']
		});
	});

	it('shows the first 5,000 problems by line and counts the rest, whichever check found them', async () => {
		await fresh();
		expect(
			await importScores(
				t,
				tempFile('first.csv', [HEADER, ...sheet('PKM-A', 1, 'ani@univ-a.ac.id')].join('\n'))
			)
		).toMatchObject({ ok: true });
		const unknown = Array.from({ length: 6000 }, (_, i) => `NOPE-${i},1,ani@univ-a.ac.id,1.a.K1,3,`);
		const rows = [
			HEADER,
			...sheet('PKM-A', 1, 'ani@univ-a.ac.id'), // lines 2..38: already there (found against the database)
			...unknown, // lines 39..6038: unknown units (found while reading)
			'PKM-B,1,budi@univ-b.ac.id,1.a.K1,3,' // line 6039: a sheet left incomplete (found at the end)
		];
		const result = await importScores(t, tempFile('many-problems.csv', rows.join('\n')));
		const problems = result.ok ? [] : result.problems;
		expect(problems).toHaveLength(5001);
		expect(problems[0]).toBe(
			'baris 2: lembar unit PKM-A kunjungan 1 penilai ani@univ-a.ac.id sudah ada; pakai --replace untuk menggantinya'
		);
		expect(problems[1]).toBe('baris 39: unit "NOPE-0" tidak dikenal');
		expect(problems[4999]).toBe('baris 5037: unit "NOPE-4998" tidak dikenal');
		expect(problems[5000]).toBe('... dan 1002 masalah lain');
		expect(await count(t, 'score_sheet')).toBe(1);
	});
});
