import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/test-db';
import { insertUser } from '../../../src/lib/server/accounts/user.repository';
import { saveCitySettings } from '../../../src/lib/server/settings/city-settings.service';
import { createUnit } from '../../../src/lib/server/units/unit-catalog.service';
import { readTableBytes } from '../../../src/lib/server/files/table-file';
import { parseSheetForm } from '../../../src/lib/server/sheets/sheet-form';
import { paraglideMiddleware } from '../../../src/lib/paraglide/server';

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

/** Runs `run` inside a request whose language cookie is `locale`, as src/hooks.server.ts does. */
function inRequest<T>(locale: 'id' | 'en', run: () => Promise<T>): Promise<T> {
	let out!: T;
	const request = new Request('http://127.0.0.1/admin', {
		headers: { cookie: `PARAGLIDE_LOCALE=${locale}` }
	});
	return paraglideMiddleware(request, async () => {
		out = await run();
		return new Response('');
	}).then(() => out);
}

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
		expect(id.errors.category).toBe('Pilih kategori yang ada.');
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
});
