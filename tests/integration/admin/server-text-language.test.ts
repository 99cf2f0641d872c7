import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/test-db';
import { insertUser } from '../../../src/lib/server/accounts/user.repository';
import { saveCitySettings } from '../../../src/lib/server/settings/city-settings.service';
import { createUnit } from '../../../src/lib/server/units/unit-catalog.service';
import { readTableBytes } from '../../../src/lib/server/files/table-file';
import { parseSheetForm } from '../../../src/lib/server/sheets/sheet-form';
import { inRequest } from '../support/in-request';
import { readFileSync } from 'node:fs';
import { previewUnitImport } from '../../../src/lib/server/units/unit-import.service';
import { previewAssessorImport } from '../../../src/lib/server/accounts/assessor-import.service';
import { rowProblemText } from '../../../src/lib/server/files/row-problem-text';
import { rowProblemIndonesian, type RowProblem } from '../../../src/lib/domain/import/row-problem';
import { listProblems } from '../../../src/lib/domain/score-sheet';
import { PROFILE_FIELDS, SURVEY_ELEMENTS } from '../../../src/lib/domain/survey';
import { sheetIncompleteText, sheetProblemText } from '../../../src/lib/i18n/sheet-text';
import { refusalErrors } from '../../../src/lib/server/service-result';

// The office's server messages are codes worded in the request's language (README "Where
// translation happens"): the same refusal in English for an English reader, word for word the
// Indonesian text otherwise, and Indonesian outside a request (the command line).
const now = new Date('2026-11-22T03:00:00Z');
let t: TestDb;
let admin: number;

beforeAll(async () => {
	t = await createTestDb();
	admin = await insertUser(t.db, { email: 'a@x.id', name: 'Admin', role: 'admin', passwordHash: null }, now);
});
afterAll(() => t.cleanup());

const badSettings = () =>
	saveCitySettings(
		t.db,
		{
			governmentKind: 'kota',
			governmentName: 'Pemerintah Kota Contoh',
			place: 'X',
			signatoryName: 'Ir. Suryo Wibowo',
			signatoryTitle: 'Wali Kota Contoh',
			signatoryNip: '1234'
		},
		admin,
		now
	);

const badUnit = () =>
	createUnit(
		t.db,
		{
			code: 'A/B',
			name: 'Kelurahan Uji',
			categoryId: 999,
			parentCode: null,
			address: null,
			yearlyServiceUsers: null
		},
		admin,
		now
	);

const problemsOf = (r: Awaited<ReturnType<typeof readTableBytes>>) => (r.ok ? [] : r.problems);

describe('server messages in the reader language', () => {
	it('words the city settings refusals per field in English and in Indonesian', async () => {
		const en = await inRequest('en', badSettings);
		const id = await inRequest('id', badSettings);
		if (en.ok || id.ok) throw new Error('expected refusals');
		expect(en.errors).toEqual({
			place: 'The place of signing has 2–60 characters.',
			signatory_nip: 'The NIP has 18 digits (may be left empty).'
		});
		expect(id.errors).toEqual({
			place: 'Tempat penandatanganan 2–60 karakter.',
			signatory_nip: 'NIP terdiri dari 18 angka (boleh dikosongkan).'
		});
	});

	it("words the unit catalog's refusals in the request's language and changes nothing", async () => {
		const en = await inRequest('en', badUnit);
		if (en.ok) throw new Error('expected a refusal');
		expect(en.status).toBe(400);
		expect(en.errors).toEqual({
			code: 'Unit code: letters/digits, dots, underscores or hyphens (no slashes), at most 40.',
			category: 'Choose an existing category.'
		});
		const id = await inRequest('id', badUnit);
		if (id.ok) throw new Error('expected a refusal');
		expect(refusalErrors(id).category).toBe('Pilih kategori yang ada.');
		expect(await t.db.selectFrom('unit').select('id').execute()).toEqual([]);
	});

	it('words the problem lines of an uploaded table in both languages, Indonesian outside a request', async () => {
		const empty = () => readTableBytes('unit.csv', new Uint8Array());
		expect(problemsOf(await inRequest('en', empty))).toEqual(['line 1: the file is empty']);
		expect(problemsOf(await inRequest('id', empty))).toEqual(['baris 1: berkas kosong']);
		const notText = () => readTableBytes('unit.csv', new Uint8Array([0xff, 0xfe, 0x41]));
		expect(problemsOf(await inRequest('en', notText))).toEqual([
			'line 1: the file is not UTF-8 text (save it as CSV UTF-8 or XLSX)'
		]);
		expect(problemsOf(await empty())).toEqual(['baris 1: berkas kosong']);
	});

	it("words the score sheet form's refusals in the request's language", async () => {
		const form = new FormData();
		form.set('version', 'x');
		form.set('score.U1', '7');
		const parse = async () => parseSheetForm(form, ['U1']);
		const en = await inRequest('en', parse);
		const id = await inRequest('id', parse);
		if (en.ok || id.ok) throw new Error('expected refusals');
		expect(en.errors).toEqual({
			_form: 'Unknown sheet version; reload the page.',
			U1: 'U1: the score must be 0 to 5.'
		});
		expect(id.errors).toEqual({
			_form: 'Versi lembar tidak dikenali; muat ulang halaman.',
			U1: 'U1: nilai harus 0 sampai 5.'
		});
	});

	const csv = (text: string) => new TextEncoder().encode(text);
	const rowsOf = async (text: string) => {
		const read = await readTableBytes('x.csv', csv(text));
		if (!read.ok) throw new Error(read.problems.join('\n'));
		return read.data;
	};

	it("words the imported rows' problems in the request's language, Indonesian outside a request", async () => {
		const units = async () =>
			previewUnitImport(
				t.db,
				await rowsOf('code,name,category\nKEL-01,Ab,Kelurahan\nKEL-01,Kelurahan Dua,\n')
			);
		const assessors = async () => previewAssessorImport(t.db, await rowsOf('email,name\nbukan-email,Ani\n'));
		const unsafe = () => readTableBytes('x.csv', csv('code,name\nK1,Satu\u202e\n'));
		const problems = (r: { ok: boolean; problems?: string[] }) => (r.ok ? [] : r.problems);
		expect(problems(await inRequest('en', units))).toEqual([
			'line 2: unit name is empty or shorter than 3 characters',
			'line 3: category is empty',
			'line 3: code KEL-01 already appears on line 2'
		]);
		expect(problems(await inRequest('id', units))).toEqual([
			'baris 2: nama unit kosong atau kurang dari 3 karakter',
			'baris 3: kategori kosong',
			'baris 3: kode KEL-01 sudah ada di baris 2'
		]);
		expect(problems(await units())).toEqual(problems(await inRequest('id', units)));
		expect(problems(await inRequest('en', assessors))).toEqual(['line 2: e-mail "bukan-email" is not valid']);
		expect(problems(await assessors())).toEqual(['baris 2: email "bukan-email" tidak valid']);
		expect(problemsOf(await inRequest('en', unsafe))).toEqual([
			'line 2: column name contains control or text-direction override characters, which are not allowed'
		]);
	});

	it("reads every row problem's Indonesian message exactly like the domain's default wording", async () => {
		const file = JSON.parse(readFileSync('messages/import-rows/id.json', 'utf8')) as Record<string, string>;
		const en = JSON.parse(readFileSync('messages/import-rows/en.json', 'utf8')) as Record<string, string>;
		expect(Object.keys(en).sort()).toEqual(Object.keys(file).sort());
		const params = {
			column: 'name',
			index: 3,
			columns: 'code, name',
			known: 'code, name, category',
			value: 'x/y',
			code: 'KEL-01',
			line: 7,
			email: 'a@b.id',
			role: 'viewer',
			max: 40,
			date: '2026-07-01',
			closed: '2026-03-01',
			received: '2026-03-05',
			from: '2026-09-01',
			to: '2026-12-15'
		};
		const codes = Object.keys(file).filter((k) => k.startsWith('srv_row_') && k !== 'srv_row_line');
		expect(codes.length).toBeGreaterThan(30);
		for (const code of codes) {
			const p = { line: 4, code, params } as unknown as RowProblem;
			const id = await inRequest('id', async () => rowProblemText(p));
			expect(id, code).toBe(rowProblemIndonesian(p));
			const english = await inRequest('en', async () => rowProblemText(p));
			expect(english, code).toMatch(/^line 4: /);
			expect(english, code).not.toBe(id.replace('baris', 'line'));
		}
	});

	it("reads a paper questionnaire's field problems in Indonesian exactly like the domain, in English with the form's names", async () => {
		const file = JSON.parse(readFileSync('messages/import-rows/id.json', 'utf8')) as Record<string, string>;
		const problems = Object.keys(file)
			.filter((k) => k.startsWith('srv_submission_'))
			.map((k) => k.slice('srv_submission_'.length));
		expect(problems.sort()).toEqual(['missing', 'out_of_range', 'too_long', 'unknown_option', 'unsafe_text']);
		const fields = [...SURVEY_ELEMENTS.map((e) => e.field), ...PROFILE_FIELDS, 'service', 'suggestion'];
		for (const field of fields)
			for (const problem of problems) {
				const p = { line: 4, code: 'srv_row_paper_field', params: { field, problem } } as RowProblem;
				const id = await inRequest('id', async () => rowProblemText(p));
				expect(id, `${field} ${problem}`).toBe(rowProblemIndonesian(p));
				const english = await inRequest('en', async () => rowProblemText(p));
				expect(english, `${field} ${problem}`).toMatch(/^line 4: [A-Z]/);
				expect(english, `${field} ${problem}`).not.toMatch(/ (belum|harus|pilihan|terlalu|karakter) /);
			}
		expect(rowProblemIndonesian({ line: 0, code: 'srv_row_paper_none', params: {} })).toBe(
			'tidak ada kuesioner yang diisi'
		);
		expect(
			await inRequest('en', async () => rowProblemText({ line: 0, code: 'srv_row_paper_none', params: {} }))
		).toBe('no questionnaire was filled in');
	});

	it("words what a score sheet still lacks in the reader's language, the domain's Indonesian otherwise", async () => {
		const found = listProblems(
			[
				{ code: '1.a', required: true },
				{ code: '1.b', required: true }
			],
			{ '1.b': { score: 5, note: ' ' } }
		);
		const words = async () => [...found.map(sheetProblemText), sheetIncompleteText(found.length)];
		expect(await inRequest('en', words)).toEqual([
			'1.a: no level chosen yet.',
			'1.b: a level of 5 needs a note explaining why.',
			'The sheet cannot be submitted yet: 2 items need completing.'
		]);
		expect(await inRequest('id', words)).toEqual([
			...found.map((p) => p.message),
			'Lembar belum dapat dikirim: 2 hal perlu dilengkapi.'
		]);
		expect(found.map((p) => p.message)).toEqual([
			'1.a: nilai belum dipilih.',
			'1.b: nilai 5 wajib disertai catatan yang menjelaskan alasannya.'
		]);
	});
});
