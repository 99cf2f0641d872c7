import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { baseURL, openBrowser, signIn, type Session } from './support/browser';

const PASSWORD = 'Demo#Rapor2026';
let admin: Session;
let phone: Session;

beforeAll(async () => {
	admin = await openBrowser();
	phone = await openBrowser({ width: 390, height: 844 });
	await signIn(admin.page, 'admin@kotacontoh.go.id', PASSWORD);
});
afterAll(async () => {
	await admin.close();
	await phone.close();
});

async function unitRow(code: string): Promise<{ respondents: string; konversi: string }> {
	await admin.page.goto('/admin/survei/MPP-2026');
	const row = admin.page.locator(`tr[data-unit="${code}"]`);
	return {
		respondents: (await row.locator('td').nth(2).innerText()).trim(),
		konversi: (await row.locator('td.konversi').innerText()).trim()
	};
}

describe('the citizen survey', () => {
	it('lets a citizen answer from a phone by the unit link, and the admin sees the IKM change', async () => {
		const before = await unitRow('KEL-18');
		await admin.page.goto('/admin/survei/unit/KEL-18');
		const link = await admin.page.getAttribute('[data-testid=survey-url]', 'href');
		expect(link).toMatch(/\/survei\/[A-Za-z0-9_-]+$/);
		// the test server runs on 127.0.0.1: a poster printed now would lead phones nowhere
		expect(await admin.page.textContent('[data-testid=origin-warning]')).toContain('ORIGIN');

		const p = phone.page;
		const response = await p.goto(link!);
		expect(response?.status()).toBe(200);
		expect(await p.textContent('h1')).toContain('Kelurahan Mrican');
		// the page fits a phone: no horizontal scrolling
		expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		for (let u = 1; u <= 9; u++) await p.locator(`input[name=u${u}][value="4"]`).check();
		await p.selectOption('select[name=sex]', 'P');
		await p.fill('textarea[name=suggestion]', 'Pelayanan cepat, terima kasih.');
		await Promise.all([p.waitForURL('**/terima-kasih'), p.click('main button[type=submit]')]);
		expect(await p.textContent('[data-testid=survey-thanks]')).toContain('Terima kasih');

		const after = await unitRow('KEL-18');
		const count = (s: string) => Number(s.split('/')[0].trim().replace(/\./g, ''));
		expect(count(after.respondents)).toBe(count(before.respondents) + 1);
		expect(after.konversi).not.toBe(before.konversi);
	});

	it('keeps every field a citizen fills on a phone, "jenis layanan" included', async () => {
		await admin.page.goto('/admin/survei/unit/KEL-18');
		const link = (await admin.page.getAttribute('[data-testid=survey-url]', 'href'))!;
		const p = phone.page;
		await p.goto(link);
		const picks = [1, 2, 3, 4, 4, 3, 2, 1, 2];
		for (let u = 1; u <= 9; u++) await p.locator(`input[name=u${u}][value="${picks[u - 1]}"]`).check();
		await p.selectOption('select[name=sex]', 'L');
		await p.selectOption('select[name=age_band]', '50-59');
		await p.selectOption('select[name=education]', 'SMA');
		await p.selectOption('select[name=occupation]', 'PNS');
		await p.fill('input[name=service]', 'Surat keterangan pindah');
		await p.fill('textarea[name=suggestion]', 'Ruang tunggu panas.');
		await Promise.all([p.waitForURL('**/terima-kasih'), p.click('main button[type=submit]')]);
		const db = new Database(inject('databasePath'), { readonly: true, fileMustExist: true });
		const row = db
			.prepare(
				`select u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, education, occupation, service, suggestion
				 from survey_response where suggestion = ? order by id desc limit 1`
			)
			.get('Ruang tunggu panas.');
		db.close();
		expect(row).toEqual({
			...Object.fromEntries(picks.map((v, i) => [`u${i + 1}`, v])),
			sex: 'L',
			age_band: '50-59',
			education: 'SMA',
			occupation: 'PNS',
			service: 'Surat keterangan pindah',
			suggestion: 'Ruang tunggu panas.'
		});
	});

	it('names the government by its kind on the public home, the survey page and its poster', async () => {
		const a = admin.page;
		const save = async (kind: string, name: string) => {
			await a.goto('/admin/pengaturan');
			await a.selectOption('select[name=government_kind]', kind);
			await a.fill('input[name=government_name]', name);
			await a.fill('input[name=place]', 'Wonosari');
			await a.fill('input[name=signatory_name]', 'Drs. Sutrisno');
			await a.fill('input[name=signatory_title]', 'Bupati Contoh');
			await a.click('form[action="?/save"] button[type=submit]');
			await a.waitForSelector('.alert.success');
		};
		try {
			await save('kabupaten', 'Pemerintah Kabupaten Contoh');
			expect(await a.textContent('h1')).toBe('Pengaturan kabupaten');
			await a.goto('/admin');
			expect(await a.textContent('main')).toContain('Pengaturan kabupaten');
			expect(await a.textContent('main')).not.toMatch(/Pengaturan kota/);

			const v = phone.page;
			await v.context().clearCookies();
			await v.goto('/');
			const home = (await v.textContent('main'))!;
			expect(home).toContain('Pemerintah Kabupaten Contoh');
			expect(home).toContain('di kabupaten ini');
			expect(home).not.toContain('kota ini');
			await v.screenshot({ path: '/tmp/yearrest-home-kabupaten.png', fullPage: true });

			await a.goto('/admin/survei/unit/KEL-18');
			const link = (await a.getAttribute('[data-testid=survey-url]', 'href'))!;
			await v.goto(link);
			expect(await v.textContent('[data-testid=government]')).toContain('Pemerintah Kabupaten Contoh');
			await v.screenshot({ path: '/tmp/yearrest-survey-kabupaten.png' });
			const poster = await a.request.get('/admin/survei/unit/KEL-18/poster.pdf');
			const pdf = await getDocumentProxy(new Uint8Array(await poster.body()));
			expect((await extractText(pdf, { mergePages: true })).text).toContain('Pemerintah Kabupaten Contoh');
		} finally {
			// the other test files read the demo's city
			await save('kota', 'Pemerintah Kota Contoh');
		}
	});

	it('answers a missing element with 400 and keeps the chosen answers and the words written (no JavaScript needed)', async () => {
		await admin.page.goto('/admin/survei/unit/KEL-18');
		const link = (await admin.page.getAttribute('[data-testid=survey-url]', 'href'))!;
		const page = await fetch(link);
		const html = await page.text();
		const token = /name="form_token" value="([^"]+)"/.exec(html)![1];
		const body = new URLSearchParams({
			form_token: token,
			u1: '3',
			u2: '2',
			u4: '9',
			sex: 'P',
			service: 'KTP elektronik',
			suggestion: 'Antrean pagi terlalu panjang'
		});
		const headers = { origin: baseURL(), 'content-type': 'application/x-www-form-urlencoded' };
		// the form's own target, the page address, and a client asking for JSON: all say 400
		for (const target of [`${link}/kirim`, link]) {
			const res = await fetch(target, { method: 'POST', body, headers, redirect: 'manual' });
			expect(res.status).toBe(400);
			const text = await res.text();
			expect(text).toContain('Jawaban belum lengkap');
			expect(text).toMatch(/name="u2" value="2"[^>]*checked|checked[^>]*name="u2" value="2"/);
			// the profile, the service and the suggestion come back too, in the page the server renders
			expect(text).toMatch(/<option value="P" selected/);
			expect(text).toMatch(/<input[^>]*name="service"[^>]*value="KTP elektronik"/);
			expect(text).toMatch(/<textarea[^>]*name="suggestion"[^>]*>Antrean pagi terlalu panjang<\/textarea>/);
		}
		const asJson = await fetch(`${link}/kirim`, {
			method: 'POST',
			body,
			headers: { ...headers, accept: 'application/json' }
		});
		expect(asJson.status).toBe(400);
		expect((await asJson.json()).errors.u9).toBe('U9 Sarana dan Prasarana belum dijawab');
		// The JSON in the reader's language (README "Where translation happens").
		const inEnglish = await fetch(`${link}/kirim`, {
			method: 'POST',
			body,
			headers: { ...headers, accept: 'application/json', cookie: 'PARAGLIDE_LOCALE=en' }
		});
		expect(inEnglish.status).toBe(400);
		const english = await inEnglish.json();
		expect(english.errors.u9).toBe('U9 Facilities is not answered');
		expect(english.errors.u4).toBe('U4 Cost/tariff must be a value from 1 to 4');
		const forged = await fetch(`${link}/kirim`, {
			method: 'POST',
			body: new URLSearchParams({
				...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((u) => [`u${u}`, '3'])),
				form_token: 'v1.1.aaaaaaaaaaaaaaaaaaaa.1.x'
			}),
			headers: { origin: baseURL(), 'content-type': 'application/x-www-form-urlencoded' },
			redirect: 'manual'
		});
		expect(forged.status).toBe(403);
	});

	it('prints an A4 poster with the unit name and its address, and keeps unpublished IKM from anonymous callers', async () => {
		const res = await admin.page.request.get('/admin/survei/unit/KEL-18/poster.pdf');
		expect(res.headers()['content-type']).toBe('application/pdf');
		const pdf = await getDocumentProxy(new Uint8Array(await res.body()));
		const { text } = await extractText(pdf, { mergePages: true });
		expect(text).toContain('Kelurahan Mrican');
		expect(text).toContain('/survei/');
		expect((await fetch(`${baseURL()}/api/v1/periods/MPP-2026/ikm`)).status).toBe(404);
		const api = await admin.page.request.get('/api/v1/periods/MPP-2026/ikm');
		const json = await api.json();
		expect(json.period.code).toBe('MPP-2026');
		expect(json.units.find((u: { code: string }) => u.code === 'KEL-18').respondents).toBeGreaterThan(0);
	});

	it('shows the IKM of each unit beside the ranking on the public results of a published period', async () => {
		const visitor = phone.page;
		await visitor.context().clearCookies();
		await visitor.goto('/hasil/MPP-2025?kategori=Puskesmas');
		const section = visitor.locator('section', { hasText: 'Indeks Kepuasan Masyarakat · Puskesmas' });
		await expect.poll(() => section.count()).toBe(1);
		const api = await (await fetch(`${baseURL()}/api/v1/periods/MPP-2025/ikm`)).json();
		const unit = api.units.find((u: { code: string }) => u.code === 'PKM-01');
		const shown = await section.locator('tr', { hasText: 'Puskesmas Kota Wilayah Selatan' }).innerText();
		expect(shown).toContain(unit.ikm_konversi.toFixed(2).replace('.', ','));
	});

	it("lays out the office's survey pages on a phone, tables scrolling inside their frames", async () => {
		const office = await openBrowser({ width: 390, height: 844 });
		try {
			await signIn(office.page, 'admin@kotacontoh.go.id', PASSWORD);
			await office.page.goto('/admin/survei/MPP-2025');
			await office.page.locator('[data-testid=unit-ikm] tbody tr').first().waitFor();
			expect(await office.page.locator('[data-unit=PKM-01]').count()).toBe(1);
			// the profile breakdowns (sex, age, education ...) used to push the page sideways
			const profile = office.page.locator('section', { hasText: 'IKM menurut kanal dan profil responden' });
			expect(await profile.locator('h3', { hasText: 'Jenis kelamin' }).count()).toBe(1);
			expect(await office.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
			// The survey list (hidden column headings in its unit table) and a unit's page (its long
			// survey address, its IKM per period) fit too.
			for (const path of ['/admin/survei', '/admin/survei/unit/KEL-18']) {
				await office.page.goto(path);
				const width = await office.page.evaluate(() => document.documentElement.scrollWidth);
				expect(width, path).toBeLessThanOrEqual(390);
			}
		} finally {
			await office.close();
		}
	});
});
