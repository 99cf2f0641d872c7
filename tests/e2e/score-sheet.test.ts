import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { baseURL, openBrowser, signIn, type Session } from './support/browser';

const PASSWORD = 'Demo#Rapor2026';
const ASSESSOR = 'dr.ratna@unc.ac.id';
let s: Session;
let visitPath = '';
let evidenceUrl = '';

beforeAll(async () => {
	s = await openBrowser({ width: 390, height: 844 });
});
afterAll(() => s.close());

const db = () => new Database(inject('databasePath'), { readonly: true, fileMustExist: true });

describe('an assessor on a phone', () => {
	it('fills a sheet with a photo, submits it and sees it locked', async () => {
		const page = s.page;
		page.on('dialog', (d) => d.accept());
		await signIn(page, ASSESSOR, PASSWORD);
		expect(new URL(page.url()).pathname).toBe('/penilaian');
		visitPath = (await page.getAttribute('main li.state-not_started a', 'href'))!;
		await page.goto(visitPath);
		expect(await page.textContent('[data-testid=sheet-progress]')).toBe('0/37');

		await page.click('label:has(> input[name="score.1.a.K1"][value="5"])');
		await page.click('main button[data-testid=submit-sheet]');
		const problems = page.locator('[data-testid=sheet-problems]');
		await problems.waitFor();
		expect(await problems.textContent()).toContain('37 hal perlu dilengkapi');
		expect(await problems.locator('a').first().getAttribute('href')).toBe('#ind-1.a.K1');
		expect(await problems.locator('a').first().textContent()).toContain('wajib disertai catatan');

		const codes = await page.$$eval('input[type=radio][value="3"]', (els) =>
			els.map((e) => (e as HTMLInputElement).name.slice('score.'.length))
		);
		expect(codes).toHaveLength(37);
		for (const code of codes) {
			const level = code === '1.a.K1' ? '5' : '3';
			await page.click(`label:has(> input[name="score.${code}"][value="${level}"])`);
		}
		await page.fill('textarea[name="note.1.a.K1"]', 'SP terpasang di ruang tunggu dan di situs web.');
		expect(await page.textContent('[data-testid=sheet-progress]')).toBe('37/37');

		const photo = await sharp({
			create: { width: 2400, height: 1800, channels: 3, background: { r: 40, g: 110, b: 190 } }
		})
			.jpeg()
			.toBuffer();
		await page.setInputFiles('input[name="evidence.1.a.K1"][capture]', {
			name: 'papan-sp.jpg',
			mimeType: 'image/jpeg',
			buffer: photo
		});
		const thumb = page.locator('[id="ind-1.a.K1"] img[src^="/bukti/"]');
		await thumb.waitFor({ timeout: 20_000 });
		evidenceUrl = (await page.getAttribute('[id="ind-1.a.K1"] a[href^="/bukti/"]', 'href'))!;
		await page.waitForFunction(() =>
			document.querySelector('[data-testid=save-state]')?.textContent?.startsWith('Tersimpan')
		);

		await Promise.all([
			page.waitForURL((u) => u.searchParams.has('terkirim')),
			page.click('main button[data-testid=submit-sheet]')
		]);
		await page.waitForSelector('[data-testid=submitted-notice]');
		expect(await page.textContent('[data-testid=sheet-state]')).toBe('terkirim');
		expect(await page.locator('main input[type=radio]').count()).toBe(0);
		expect(await page.locator('main textarea').count()).toBe(0);
		expect(await page.textContent('main')).toContain('SP terpasang di ruang tunggu');

		const file = await page.request.get(evidenceUrl);
		expect(file.status()).toBe(200);
		expect(file.headers()['content-type']).toBe('image/jpeg');
		// shrunk in the browser before upload: about 1600 px on the long side
		const meta = await sharp(await file.body()).metadata();
		expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(1600);
	});

	it('keeps the sticky aspect heading right under the shorter bar of the submitted sheet', async () => {
		const page = s.page;
		// Scrolled into the second aspect: its heading sticks; nothing of the cards shows above it.
		await page.evaluate(() => document.getElementById('aspek-II')?.scrollIntoView());
		await page.evaluate(() => window.scrollBy(0, 400));
		const gap = await page.evaluate(() => {
			const bar = document.querySelector('[data-testid=sheet-status]')!.getBoundingClientRect();
			const head = document.querySelector('#aspek-II .aspect-head')!.getBoundingClientRect();
			return head.top - bar.bottom;
		});
		expect(Math.abs(gap)).toBeLessThan(1);
	});

	it('puts the submitted sheet into the unit data: locked, with its aspect sums and audit trail', () => {
		const visitId = Number(visitPath.split('/').pop());
		const conn = db();
		try {
			const sheet = conn
				.prepare(
					`select s.id, s.status from score_sheet s join user u on u.id = s.assessor_id
					 where s.visit_id = ? and u.email = ?`
				)
				.get(visitId, ASSESSOR) as { id: number; status: string };
			expect(sheet.status).toBe('submitted');
			const sums = conn
				.prepare('select count(*) n from sheet_aspect_sum where sheet_id = ?')
				.get(sheet.id) as {
				n: number;
			};
			expect(sums.n).toBe(6);
			const actions = conn
				.prepare(`select action from audit_log where entity = 'score_sheet' and entity_id = ?`)
				.all(String(sheet.id)) as { action: string }[];
			expect(actions.filter((a) => a.action === 'score_change').length).toBeGreaterThanOrEqual(37);
			expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['evidence_add', 'submit']));
		} finally {
			conn.close();
		}
	});

	it('keeps the sheet blind: another assessor gets 404 for the page and the photo', async () => {
		await s.context.clearCookies();
		await signIn(s.page, 'agus.prasetyo@unc.ac.id', PASSWORD);
		expect((await s.page.goto(visitPath))?.status()).toBe(404);
		expect((await s.page.request.get(evidenceUrl)).status()).toBe(404);
		expect((await s.page.request.get(evidenceUrl + '?ukuran=kecil')).status()).toBe(404);
	});

	it('shows the administrator the visit with the submitted sheet', async () => {
		await s.context.clearCookies();
		await signIn(s.page, 'admin@kotacontoh.go.id', PASSWORD);
		await s.page.goto('/admin' + visitPath.replace('/penilaian', '/kunjungan'));
		const table = await s.page.textContent('[data-testid=visit-sheets]');
		expect(table).toContain('terkirim');
		expect(table).toContain('Ratna');
	});
});

describe('the score sheet without JavaScript (scripted client)', () => {
	it('saves through the form action with the contract field names, and refuses a stale version with 409', async () => {
		await s.context.clearCookies();
		await signIn(s.page, 'siti.rahma@uic.ac.id', PASSWORD);
		await s.page.goto('/penilaian');
		const path = (await s.page.getAttribute('main li.state-not_started a', 'href'))!;
		const post = (fields: Record<string, string>) =>
			s.page.request.post(`${path}?/save`, {
				multipart: fields,
				// what a browser without JavaScript sends; SvelteKit answers JSON clients with 200 + a failure body
				headers: { origin: baseURL(), accept: 'text/html' },
				maxRedirects: 0
			});
		const ok = await post({ version: '1', 'score.1.a.K1': '2', 'note.1.a.K1': 'tanpa JS' });
		expect(ok.status()).toBe(200);
		const stale = await post({ version: '1', 'score.1.a.K1': '4', 'note.1.a.K1': '' });
		expect(stale.status()).toBe(409);
		expect(await stale.text()).toContain('diubah di tab atau perangkat lain');
		const bad = await post({ version: '2', 'score.1.a.K1': '9' });
		expect(bad.status()).toBe(400);
		// a scripted client asking for JSON gets the same real status (README "Score sheets": every POST)
		const json = await s.page.request.post(`${path}?/save`, {
			multipart: { version: '1', 'score.1.a.K1': '4' },
			headers: { origin: baseURL(), accept: 'application/json' }
		});
		expect(json.status()).toBe(409);
		expect((await json.json()).type).toBe('failure');
		await s.page.goto(path);
		expect(await s.page.isChecked('input[name="score.1.a.K1"][value="2"]')).toBe(true);
	});
});
