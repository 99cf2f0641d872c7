import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO, dbRead, http, httpSignIn } from './support/http';

// The English walk (english-walk.test.ts) reads every page as it first opens; this file reads what
// the server answers to the office's actions: form refusals, success notices, 404s naming a code
// and the problem lines of an import, in the reader's language (README "Where translation happens").

const EN = 'PARAGLIDE_LOCALE=en';
const ID = 'PARAGLIDE_LOCALE=id';

const decode = (s: string) =>
	s
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');

async function page(
	path: string,
	cookie: string,
	body?: BodyInit
): Promise<{ status: number; html: string }> {
	const res = await http(path, { cookie, body });
	return { status: res.status, html: decode(await res.text()) };
}

/** An upload form with one CSV file, as the import pages post it. */
function csvUpload(name: string, csv: string): FormData {
	const form = new FormData();
	form.set('file', new File([csv], name, { type: 'text/csv' }));
	return form;
}

describe('the office in English after an action', () => {
	let admin: string;
	beforeAll(async () => {
		admin = await httpSignIn(DEMO.admin);
	});

	it('words a refused period form in English, and in Indonesian for an Indonesian reader', async () => {
		const form = () =>
			new URLSearchParams({ code: 'X', name: 'ab', visits: 'dua', starts_on: '2027-02-30', instrument: '' });
		const en = await page('/admin/periode/baru', `${admin}; ${EN}`, form());
		expect(en.status).toBe(400);
		expect(en.html).toContain('The period name needs at least 3 characters.');
		expect(en.html).toContain('Number of visits must be a whole number.');
		expect(en.html).toContain('Start date is not a valid date.');
		expect(en.html).not.toContain('Nama periode minimal 3 karakter.');
		const id = await page('/admin/periode/baru', `${admin}; ${ID}`, form());
		expect(id.status).toBe(400);
		expect(id.html).toContain('Nama periode minimal 3 karakter.');
		expect(id.html).toContain('Jumlah kunjungan harus bilangan bulat.');
	});

	it('words a refused user form in English', async () => {
		const en = await page(
			'/admin/pengguna/baru',
			`${admin}; ${EN}`,
			new URLSearchParams({ email: '', name: 'A', role: 'raja' })
		);
		expect(en.status).toBe(400);
		expect(en.html).toContain('The e-mail address is required.');
		expect(en.html).toContain('The name needs at least 2 characters.');
		expect(en.html).toContain('Choose a role.');
	});

	it('shows a success notice in English', async () => {
		const [assessor] = dbRead<{ id: number }>('select id from user where email = ?', DEMO.otherAssessor);
		const cookie = `${admin}; ${EN}`;
		const added = await page(
			`/admin/pengguna/${assessor.id}?/addDates`,
			cookie,
			new URLSearchParams({ from: '2099-12-30', to: '' })
		);
		expect(added.status).toBe(200);
		expect(added.html).toContain('Unavailable dates recorded.');
		expect(added.html).not.toContain('Tanggal berhalangan dicatat.');
		const stored = () =>
			dbRead(
				'select 1 from assessor_unavailable_date where user_id = ? and date = ?',
				assessor.id,
				'2099-12-30'
			);
		expect(stored()).toHaveLength(1);
		const removed = await page(
			`/admin/pengguna/${assessor.id}?/removeDate`,
			cookie,
			new URLSearchParams({ date: '2099-12-30' })
		);
		expect(removed.html).toContain('Date removed.');
		expect(stored()).toEqual([]);
	});

	it('names the unknown period of a 404 in English', async () => {
		const results = await page('/hasil/TIDAK-ADA-9', EN);
		expect(results.status).toBe(404);
		expect(results.html).toContain('Results of period "TIDAK-ADA-9" not found or not yet published.');
		const calibration = await page('/admin/periode/TIDAK-ADA-9/kalibrasi', `${admin}; ${EN}`);
		expect(calibration.status).toBe(404);
		expect(calibration.html).toContain('Period "TIDAK-ADA-9" not found.');
		const instrument = await page('/instrumen/tidak-ada-9', `${admin}; ${EN}`);
		expect(instrument.status).toBe(404);
		expect(instrument.html).toContain('Instrument "tidak-ada-9" not found.');
		const id = await page('/hasil/TIDAK-ADA-9', ID);
		expect(id.html).toContain('Hasil periode "TIDAK-ADA-9" tidak ditemukan atau belum terbit.');
	});

	it('words the problem line of a refused import in English', async () => {
		const body = new FormData();
		body.set('file', new File([new Uint8Array([0xff, 0xfe, 0x41, 0x0a])], 'unit.csv', { type: 'text/csv' }));
		const en = await page('/admin/unit/impor?/preview', `${admin}; ${EN}`, body);
		expect(en.status).toBe(400);
		expect(en.html).toContain('line 1: the file is not UTF-8 text (save it as CSV UTF-8 or XLSX)');
		expect(en.html).not.toContain('baris 1');
	});

	it("words an imported row's problems in English, and in Indonesian for an Indonesian reader", async () => {
		const body = () =>
			csvUpload('unit.csv', 'code,name,category\nKEL-XX,Ab,Kelurahan\nKEL/1,Kelurahan Uji,\n');
		const en = await page('/admin/unit/impor?/preview', `${admin}; ${EN}`, body());
		expect(en.status).toBe(400);
		expect(en.html).toContain('line 2: unit name is empty or shorter than 3 characters');
		expect(en.html).toContain('line 3: category is empty');
		expect(en.html).not.toContain('baris 2');
		const id = await page('/admin/unit/impor?/preview', `${admin}; ${ID}`, body());
		expect(id.html).toContain('baris 2: nama unit kosong atau kurang dari 3 karakter');
		expect(dbRead('select 1 from unit where code = ?', 'KEL-XX')).toEqual([]);
	});

	it("words a paper questionnaire file's problems in English, and in Indonesian for an Indonesian reader", async () => {
		const body = () =>
			csvUpload(
				'kuesioner.csv',
				'unit_code,date,u1,u2,u3,u4,u5,u6,u7,u8,u9\nTIDAK-ADA,31/02/2026,4,4,4,5,4,4,4,4,4\n'
			);
		const path = '/admin/survei/MPP-2026/kertas?/import';
		const before = dbRead("select count(*) as n from survey_response where source = 'paper'");
		const en = await page(path, `${admin}; ${EN}`, body());
		expect(en.status).toBe(400);
		expect(en.html).toContain('line 2: unit TIDAK-ADA is not part of this period');
		expect(en.html).toContain('line 2: date "31/02/2026" is not valid (YYYY-MM-DD or DD/MM/YYYY)');
		expect(en.html).toContain('line 2: U4 Cost/tariff must be a value from 1 to 4');
		expect(en.html).not.toContain('baris 2');
		const id = await page(path, `${admin}; ${ID}`, body());
		expect(id.html).toContain('baris 2: unit TIDAK-ADA tidak termasuk periode ini');
		expect(id.html).toContain('baris 2: U4 Biaya/Tarif harus bernilai 1 sampai 4');
		expect(dbRead("select count(*) as n from survey_response where source = 'paper'")).toEqual(before);
	});

	it("words an instrument version's problems and warnings in English, and in Indonesian for an Indonesian reader", async () => {
		const shipped = await page('/instrumen/permenpan-17-2017', `${admin}; ${EN}`);
		expect(shipped.html).toContain('Indicator weights of aspect I add up to 0.995, not 1; used as published');
		// (the Indonesian sentence still travels in the page's data, for the command line's words)
		const shown = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '');
		expect(shown(shipped.html)).not.toContain('dipakai apa adanya');
		const copy = await http('/admin/instrumen?/clone', {
			cookie: `${admin}; ${EN}`,
			body: new URLSearchParams({ source: 'permenpan-17-2017', code: 'english-walk', name: 'English walk' })
		});
		expect(copy.status).toBe(303);
		const edit = () =>
			new URLSearchParams({ 'aspect.I.weight': 'tiga', 'ind.1.a.K1.title': 'x'.repeat(2001) });
		const en = await page('/admin/instrumen/english-walk', `${admin}; ${EN}`, edit());
		expect(en.status).toBe(400);
		expect(en.html).toContain('Weight of aspect I: "tiga" is not a number (for example 0.25)');
		expect(en.html).toContain('Title of indicator 1.a.K1 is longer than 2,000 characters');
		expect(shown(en.html)).not.toContain('bukan angka');
		const id = await page('/admin/instrumen/english-walk', `${admin}; ${ID}`, edit());
		expect(id.status).toBe(400);
		expect(id.html).toContain('Bobot aspek I: "tiga" bukan angka (contoh 0,25)');
	});

	it('shows the correction panel of a published period in English', async () => {
		const path = '/admin/periode/MPP-2025/publikasi';
		const en = await page(path, `${admin}; ${EN}`);
		expect(en.status).toBe(200);
		expect(en.html).toContain('Corrections after publication');
		expect(en.html).toContain('Published figures never change silently.');
		expect(en.html).toContain('Open a correction');
		expect(en.html).not.toContain('Koreksi setelah terbit');
		expect(en.html).not.toMatch(/confirmed: [^<]*(selisih|belum|lembar)/);
		const short = await page(
			`${path}?/openCorrection`,
			`${admin}; ${EN}`,
			new URLSearchParams({ reason: 'ab' })
		);
		expect(short.status).toBe(400);
		expect(short.html).toContain('A reason is required (at least 5 characters).');
		expect(dbRead("select 1 from period_correction where status = 'open'")).toEqual([]);
		const id = await page(path, `${admin}; ${ID}`);
		expect(id.html).toContain('Koreksi setelah terbit');
	});
});
