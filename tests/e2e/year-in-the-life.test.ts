import Database from 'better-sqlite3';
import sharp from 'sharp';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, type Session } from './support/browser';
import { runAdminOn, scoredIndicatorCodes, writeScoresCsv } from './support/cli';
import { startApp, type App } from './support/global-setup';

// A whole assessment year (docs/rules.md §8) of a new kabupaten office, on an empty database,
// through the pages a field role uses on a phone (390 px) and the office on a desk (1280 px).
// Screenshots of each step go to a temporary folder (printed) for a person to look at.

const PASSWORD = 'Sukamaju#Tahun2026';
const ADMIN = 'kantor@sukamaju.go.id';
const HEAD = 'camat.utara@sukamaju.go.id';
const P1 = 'PKP-2026';
const P2 = 'PKP-2027';
const GOVERNMENT = 'Pemerintah Kabupaten Sukamaju';
const ASSESSORS = {
	'dosen.a@univ-a.ac.id': { name: 'Dr. Ayu Lestari', type: 'university', org: 'Universitas A' },
	'dosen.b@univ-b.ac.id': { name: 'Dr. Bima Santoso', type: 'university', org: 'Universitas B' },
	'mhs.a@univ-a.ac.id': { name: 'Citra Mahasiswi', type: 'student_board', org: 'Universitas A' },
	'mhs.b@univ-b.ac.id': { name: 'Dodi Mahasiswa', type: 'student_board', org: 'Universitas B' }
} as const;
type Email = keyof typeof ASSESSORS;
const CONFLICTED: Email = 'dosen.a@univ-a.ac.id';
/** Level per unit and visit; PKM-03's first indicator splits its assessors (1 against 4). */
const LEVEL: Record<string, [number, number]> = {
	'PKM-01': [4, 4],
	'PKM-02': [3, 3],
	'PKM-03': [3, 4],
	'PKM-04': [3, 4],
	'KEC-01': [3, 3],
	'KEC-02': [2, 2]
};
const shots = mkdtempSync(join(tmpdir(), 'rapor-year-shots-'));

let app: App;
let desk: Session;
let phone: Session;
const admin = (...args: string[]) => runAdminOn(app.databasePath, ...args);
function db<T>(sql: string, ...params: unknown[]): T[] {
	const d = new Database(app.databasePath, { readonly: true, fileMustExist: true });
	try {
		return d.prepare(sql).all(...params) as T[];
	} finally {
		d.close();
	}
}
const isoDay = (offsetDays: number) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(
		new Date(Date.now() + offsetDays * 86_400_000)
	);
const TODAY = isoDay(0);

async function shot(page: Page, name: string): Promise<void> {
	await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}
/** Both widths of the same page: the office's desk and a phone (a phone turned upright, too). */
async function shotBoth(page: Page, name: string): Promise<void> {
	const size = page.viewportSize()!;
	await page.setViewportSize({ width: 1280, height: 900 });
	await shot(page, `${name}-1280`);
	await page.setViewportSize({ width: 390, height: 844 });
	// Nothing is wider than the phone, even when the page was first laid out at 1280 px. Charts
	// follow a resize on the next frames (ResizeObserver), later on a busy machine: wait for
	// them (up to 10 s), then shoot.
	await expect
		.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { timeout: 10_000 })
		.toBeLessThanOrEqual(390);
	await shot(page, `${name}-390`);
	await page.setViewportSize(size);
}

/** Visits of a period with their assessors, from the database the app writes. */
function schedule(period: string) {
	return db<{ visitId: number; unit: string; visitNo: number; email: Email; kind: string }>(
		`select v.id as visitId, u.code as unit, v.visit_no as visitNo, a.email as email, v.kind as kind
		 from visit v join period p on p.id = v.period_id join unit u on u.id = v.unit_id
		 join visit_assessor va on va.visit_id = v.id join user a on a.id = va.user_id
		 where p.code = ? order by v.id, a.email`,
		period
	);
}

async function importFile(page: Page, path: string, name: string, csv: string): Promise<string> {
	await page.goto(path);
	await page.setInputFiles('input[name=file]', { name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await page.click('main button[type=submit]');
	await page.waitForSelector('[data-testid=import-preview]');
	const preview = (await page.textContent('[data-testid=import-preview]'))!;
	await Promise.all([
		page.waitForURL((u) => u.pathname !== path),
		page.click('[data-testid=import-preview] button[type=submit]')
	]);
	return preview;
}

/** An assessor sets the password from the office's invitation link, on the phone. */
async function acceptInvitation(email: string): Promise<void> {
	const link = admin('invite', '--email', email).trim();
	await phone.context.clearCookies();
	await phone.page.goto(new URL(link).pathname);
	await phone.page.fill('input[name=password]', PASSWORD);
	await phone.page.fill('input[name=confirm]', PASSWORD);
	await Promise.all([
		phone.page.waitForURL((u) => !u.pathname.startsWith('/sandi')),
		phone.page.click('main button[type=submit]')
	]);
}

/** Scores every indicator on the sheet of a visit at the level `level(code)`, and submits it. */
async function scoreOnPhone(visitId: number, level: (code: string, index: number) => number): Promise<void> {
	const page = phone.page;
	await page.goto(`/penilaian/${visitId}`);
	const codes = await page.$$eval('input[type=radio][value="3"]', (els) =>
		els.map((e) => (e as HTMLInputElement).name.slice('score.'.length))
	);
	expect(codes.length).toBeGreaterThan(0);
	for (const [i, code] of codes.entries())
		await page.click(`label:has(> input[name="score.${code}"][value="${level(code, i)}"])`);
	await page.waitForFunction(() =>
		document.querySelector('[data-testid=save-state]')?.textContent?.startsWith('Tersimpan')
	);
	await Promise.all([
		page.waitForURL((u) => u.searchParams.has('terkirim')),
		page.click('main button[data-testid=submit-sheet]')
	]);
	expect(await page.textContent('[data-testid=sheet-state]')).toBe('terkirim');
}

async function publishOnPage(page: Page, period: string, mode: 'terbit' | 'revisi', reason: string) {
	await page.goto(`/admin/periode/${period}/publikasi?konfirmasi=${mode}`);
	const classes = await page.$$eval('form[action="?/publish"] [data-preflight]', (els) =>
		els.map((e) => e.getAttribute('data-preflight'))
	);
	for (const box of await page.locator('input[name=confirm_class]').all()) await box.check();
	await page.fill('form[action="?/publish"] textarea[name=reason]', reason);
	await Promise.all([page.waitForURL(/terbit=/), page.click('form[action="?/publish"] button[type=submit]')]);
	return classes;
}

beforeAll(async () => {
	app = await startApp(false, 'rapor-year-in-the-life-server.log');
	desk = await openBrowser({ width: 1280, height: 900 }, app.baseURL);
	phone = await openBrowser({ width: 390, height: 844 }, app.baseURL);
	phone.page.on('dialog', (d) => d.accept());
	console.log(`year-in-the-life screenshots: ${shots}`);
}, 300_000);
afterAll(async () => {
	await desk?.close();
	await phone?.close();
	await app?.stop();
});

describe('a year in the life of a kabupaten office', () => {
	it('1. sets up the kabupaten, imports units and assessors, declares a conflict and creates a 29/2022 period', async () => {
		expect(db<{ n: number }>('select count(*) as n from unit')[0].n).toBe(0);
		admin('create-user', '--email', ADMIN, '--name', 'Sri Kantor', '--role', 'admin', '--password', PASSWORD);
		const page = desk.page;
		await signIn(page, ADMIN, PASSWORD);

		await page.goto('/admin/pengaturan');
		await page.selectOption('select[name=government_kind]', 'kabupaten');
		await page.fill('input[name=government_name]', GOVERNMENT);
		await page.fill('input[name=place]', 'Sukamaju');
		await page.fill('input[name=signatory_name]', 'Drs. H. Bambang Wijaya');
		await page.fill('input[name=signatory_title]', 'Bupati Sukamaju');
		await page.click('form[action="?/save"] button[type=submit]');
		await page.waitForSelector('.alert.success');
		const logo = await sharp({
			create: { width: 240, height: 240, channels: 3, background: { r: 20, g: 120, b: 60 } }
		})
			.png()
			.toBuffer();
		await page.setInputFiles('input[name=logo]', { name: 'logo.png', mimeType: 'image/png', buffer: logo });
		await page.click('form[action="?/logo"] button[type=submit]');
		await page.waitForSelector('.alert.success');
		expect(await page.textContent('h1')).toMatch(/kabupaten/i);
		await shot(page, '01-settings-1280');

		const units = await importFile(
			page,
			'/admin/unit/impor',
			'unit.csv',
			'\uFEFFcode;name;category\n' +
				'PKM-01;Puskesmas Sukamaju Kota;Puskesmas\nPKM-02;Puskesmas Cibiru;Puskesmas\n' +
				'PKM-03;Puskesmas Cileunyi;Puskesmas\nPKM-04;Puskesmas Rancaekek;Puskesmas\n' +
				'KEC-01;Kecamatan Sukamaju Selatan;Kecamatan\nKEC-02;Kecamatan Sukamaju Utara;Kecamatan\n'
		);
		expect(units).toContain('Kategori baru: Puskesmas');
		// The office's order: Puskesmas before Kecamatan, against the alphabet.
		await page.goto('/admin/kategori');
		for (const c of db<{ id: number; name: string }>('select id, name from category')) {
			await page.fill(`#pos-${c.id}`, c.name === 'Puskesmas' ? '1' : '2');
			await Promise.all([
				page.waitForResponse((r) => r.request().method() === 'POST'),
				page.click(`form:has(#pos-${c.id}) button[type=submit]`)
			]);
		}

		const assessors = Object.entries(ASSESSORS)
			.map(([email, a]) => `${email};${a.name};${a.type};${a.org}`)
			.join('\n');
		await importFile(
			page,
			'/admin/pengguna/impor',
			'penilai.csv',
			`\uFEFFemail;name;affiliation_type;affiliation_name\n${assessors}\n`
		);
		const [conflicted] = db<{ id: number }>('select id from user where email = ?', CONFLICTED);
		await page.goto(`/admin/pengguna/${conflicted.id}`);
		await page.fill('form[action="?/addConflict"] input[name=unit]', 'PKM-01');
		await page.fill(
			'form[action="?/addConflict"] [name=reason]',
			'Suami bertugas di Puskesmas Sukamaju Kota'
		);
		await page.click('form[action="?/addConflict"] button[type=submit]');
		await page.waitForSelector('.alert.success');
		await shot(page, '01-conflict-1280');

		await page.goto('/admin/periode/baru');
		await page.fill('input[name=code]', P1);
		await page.selectOption('select[name=instrument]', 'pekppp-29-2022');
		await page.fill('input[name=name]', 'Penilaian Pelayanan Publik 2026');
		await page.fill('input[name=starts_on]', isoDay(-60));
		await page.fill('input[name=ends_on]', isoDay(10));
		await Promise.all([
			page.waitForURL(`**/admin/periode/${P1}?dibuat=1`),
			page.click('main button[type=submit]')
		]);
		const covered = db<{ n: number }>(
			'select count(*) as n from period_unit pu join period p on p.id = pu.period_id where p.code = ?',
			P1
		);
		expect(covered[0].n).toBe(6);
	}, 300_000);

	it('2. generates the schedule: mixed pairs, the conflict respected', async () => {
		const page = desk.page;
		await page.goto(`/admin/periode/${P1}/jadwal`);
		await page.click('form[action="?/preview"] button');
		await page.waitForSelector('[data-testid=schedule-preview]');
		await shot(page, '02-schedule-preview-1280');
		await Promise.all([
			page.waitForURL('**/jadwal?dibuat=*'),
			page.click('[data-testid=schedule-preview] button[type=submit]')
		]);
		const visits = schedule(P1);
		expect(visits).toHaveLength(12);
		for (const unit of Object.keys(LEVEL)) {
			const team = visits.filter((v) => v.unit === unit).map((v) => ASSESSORS[v.email]);
			expect(team).toHaveLength(2);
			expect(new Set(team.map((a) => a.type)).size).toBe(2);
			expect(team[0].org).not.toBe(team[1].org);
		}
		expect(visits.filter((v) => v.unit === 'PKM-01').map((v) => v.email)).not.toContain(CONFLICTED);
		// The round starts (draf → berjalan) on the period page.
		await page.goto(`/admin/periode/${P1}`);
		const start = page
			.locator('details.confirm')
			.filter({ has: page.locator('input[name=to][value=running]') });
		await start.locator('summary').click();
		await start.locator('button[name=confirm]').click();
		await expect
			.poll(() => db<{ status: string }>('select status from period where code = ?', P1)[0].status)
			.toBe('running');
	}, 120_000);

	it('3. assessors score both visits on the phone, one disagreeing strongly; one unit is left incomplete', async () => {
		const visits = schedule(P1);
		for (const email of Object.keys(ASSESSORS) as Email[]) {
			// The link signs the assessor in once the password is set.
			await acceptInvitation(email);
			const mine = visits.filter((v) => v.email === email && !(v.unit === 'PKM-04' && v.visitNo === 2));
			for (const v of mine) {
				const base = LEVEL[v.unit][v.visitNo - 1];
				await scoreOnPhone(v.visitId, (_code, i) =>
					v.unit === 'PKM-03' && i === 0 ? (v.visitNo === 1 ? 1 : 4) : base
				);
			}
			if (mine.length) await shot(phone.page, `03-sheet-${email.split('@')[0]}-390`);
		}
		await phone.page.goto('/penilaian');
		await shot(phone.page, '03-my-visits-390');
		const sheets = db<{ n: number }>(
			`select count(*) as n from score_sheet s join visit v on v.id = s.visit_id join period p on p.id = v.period_id
			 where p.code = ? and s.status = 'submitted'`,
			P1
		);
		expect(sheets[0].n).toBe(11);
	}, 600_000);

	it('4. the office reviews, sees the preflight and publishes with reasons', async () => {
		const page = desk.page;
		await page.goto(`/admin/periode/${P1}/hasil`);
		expect(await page.textContent('main')).toContain('PKM-03');
		await shot(page, '04-results-1280');
		await page.goto(`/admin/periode/${P1}/publikasi?konfirmasi=terbit`);
		await shotBoth(page, '04-preflight');
		const classes = await publishOnPage(
			page,
			P1,
			'terbit',
			'Rapat pleno: PKM-04 belum dikunjungi kedua kali, selisih PKM-03 sudah dibahas'
		);
		expect(classes).toEqual(expect.arrayContaining(['incomplete', 'window', 'flags', 'no-awards']));
		expect(db<{ status: string }>('select status from period where code = ?', P1)[0].status).toBe(
			'published'
		);
	}, 120_000);

	it("5. a signed-out visitor sees the kabupaten's name, the category order and no award in a two-unit category", async () => {
		const page = phone.page;
		await phone.context.clearCookies();
		await page.goto('/');
		expect(await page.textContent('body')).toContain('Kabupaten Sukamaju');
		await shot(page, '05-public-home-390');
		await page.goto(`/hasil/${P1}`);
		const main = (await page.textContent('main'))!;
		expect(main.indexOf('Puskesmas')).toBeLessThan(main.indexOf('Kecamatan'));
		await page.goto(`/hasil/${P1}?kategori=Kecamatan`);
		expect(await page.textContent('[data-testid=awards-withheld]')).toBeTruthy();
		expect(await page.textContent('main')).not.toMatch(/Terbaik I\b/);
		await shotBoth(page, '05-public-kecamatan');
	}, 120_000);

	let ippBefore = '';
	it('6. a unit head reads the report card', async () => {
		admin(
			'create-user',
			'--email',
			HEAD,
			'--name',
			'Camat Sukamaju Utara',
			'--role',
			'unit_head',
			'--units',
			'KEC-02',
			'--password',
			PASSWORD
		);
		const page = phone.page;
		await signIn(page, HEAD, PASSWORD);
		await page.goto(`/unit/KEC-02/rapor/${P1}`);
		ippBefore = (await page.textContent('[data-testid=report-ipp]'))!.trim();
		expect(ippBefore).toMatch(/^\d,\d\d$/);
		expect(await page.textContent('[data-testid=report-rank]')).toMatch(/2 dari 2/);
		const pdf = await page.request.get(`/unit/KEC-02/rapor/${P1}.pdf`);
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), {
			mergePages: true
		});
		expect(text.toUpperCase()).toContain('KABUPATEN SUKAMAJU');
		await shot(page, '06-report-card-390');
	}, 120_000);

	it('7. the plan is activated, progress recorded, a follow-up scored and verified; the IPP stays', async () => {
		const [plan] = db<{ id: number }>(
			`select c.id from coaching_plan c join unit u on u.id = c.unit_id where u.code = 'KEC-02'`
		);
		const [office] = db<{ id: number }>('select id from user where email = ?', ADMIN);
		const page = desk.page;
		await page.goto(`/pembinaan/${plan.id}`);
		await page.selectOption('select[name=mentorId]', String(office.id));
		await page.click('form[action="?/mentor"] button[type=submit]');
		await page.waitForSelector('.alert.success');
		await page.click('form[action="?/status"]:has(input[value=active]) button[type=submit]');
		await page.waitForSelector('.alert.success');
		await shot(page, '07-plan-active-1280');

		await phone.page.goto(`/pembinaan/${plan.id}`);
		const item = phone.page
			.locator('[data-testid=plan-item]')
			.filter({ has: phone.page.locator('[data-testid=progress-form]') })
			.first();
		const code = (await item.getAttribute('data-code'))!;
		await item.locator('select[name=status]').selectOption('done');
		await item.locator('textarea[name=note]').fill('Maklumat pelayanan dipasang di ruang tunggu.');
		await item.locator('button[type=submit]').click();
		await phone.page.waitForSelector('.alert.success');
		await shot(phone.page, '07-head-progress-390');

		const follower: Email = 'mhs.a@univ-a.ac.id';
		const [fu] = db<{ id: number }>('select id from user where email = ?', follower);
		await page.goto(`/pembinaan/${plan.id}`);
		await page.fill('form[action="?/followup"] input[name=plannedOn]', TODAY);
		await page.selectOption('form[action="?/followup"] select[name=assessorId]', String(fu.id));
		await page.click('form[action="?/followup"] button[type=submit]');
		await page.waitForSelector('.alert.success');
		const [visit] = db<{ id: number }>(
			`select id from visit where kind = 'follow_up' and coaching_plan_id = ?`,
			plan.id
		);

		await phone.context.clearCookies();
		await signIn(phone.page, follower, PASSWORD);
		await scoreOnPhone(visit.id, () => 4);
		await shot(phone.page, '07-follow-up-sheet-390');

		await page.goto(`/pembinaan/${plan.id}`);
		// The mentor sees the re-score beside the verdict buttons before verifying.
		expect(await page.locator(`[data-testid=plan-item][data-code="${code}"]`).textContent()).toMatch(
			/Sesudah \(tindak lanjut\)\s*4,00/
		);
		await page
			.locator(`[data-testid=plan-item][data-code="${code}"] [data-testid=review-form] button[value=verify]`)
			.click();
		await page.waitForSelector('.alert.success');
		expect(
			await page
				.locator(`[data-testid=plan-item][data-code="${code}"] [data-testid=item-status]`)
				.textContent()
		).toBe('Terverifikasi');

		await phone.context.clearCookies();
		await signIn(phone.page, HEAD, PASSWORD);
		await phone.page.goto(`/unit/KEC-02/rapor/${P1}`);
		const beforeAfter = (await phone.page.textContent('[data-testid=plan-before-after]'))!;
		expect(beforeAfter).toContain(code);
		expect(beforeAfter).toContain('4,00');
		expect((await phone.page.textContent('[data-testid=report-ipp]'))!.trim()).toBe(ippBefore);
		await shot(phone.page, '07-report-card-before-after-390');
		await phone.page
			.locator('[data-testid=plan-before-after]')
			.screenshot({ path: join(shots, '07-before-after-table-390.png') });
	}, 300_000);

	it('8. a correction adds the missing visit; revision 2 lists the changes; the public page and certificate follow', async () => {
		const page = desk.page;
		await page.goto(`/admin/periode/${P1}/publikasi`);
		const panel = page.locator('[data-testid=correction-panel]');
		await panel.locator('textarea[name=reason]').fill('Kunjungan kedua PKM-04 tertinggal');
		await Promise.all([page.waitForURL(/koreksi=dibuka/), panel.locator('button[type=submit]').click()]);

		const missing = schedule(P1).find((v) => v.unit === 'PKM-04' && v.visitNo === 2)!;
		await phone.context.clearCookies();
		await signIn(phone.page, missing.email, PASSWORD);
		await scoreOnPhone(missing.visitId, () => LEVEL['PKM-04'][1]);

		await page.goto(`/admin/periode/${P1}/publikasi`);
		expect(await page.textContent('[data-testid=pending-changes]')).toContain('PKM-04');
		await shot(page, '08-correction-pending-1280');
		await publishOnPage(page, P1, 'revisi', 'Revisi 2: kunjungan kedua PKM-04 dinilai');
		expect(await page.textContent('main')).toContain('Revisi 2: kunjungan kedua PKM-04 dinilai');

		await phone.context.clearCookies();
		await phone.page.goto(`/hasil/${P1}`);
		expect(await phone.page.textContent('[data-testid=revision-note]')).toContain('Revisi 2');
		const changes = phone.page.locator('[data-testid=revision-changes]');
		await changes.locator('summary').click();
		const changed = (await changes.textContent())!.replace(/\s+/g, ' ');
		expect(changed).toContain('Puskesmas Rancaekek (Puskesmas): IPP 3,00 → 3,50');
		expect(changed).toContain('penghargaan – → Terbaik II');
		await shotBoth(phone.page, '08-public-revision');
		const pkm04 = phone.page.locator('[data-testid=rank-row]').filter({ hasText: 'Puskesmas Rancaekek' });
		const certificate = await pkm04.locator('a.cert').getAttribute('href');
		const pdf = await phone.page.request.get(certificate!);
		expect(pdf.status()).toBe(200);
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), {
			mergePages: true
		});
		expect(text).toContain('Puskesmas Rancaekek');
		expect(text).toContain('Terbaik II');
	}, 300_000);

	it('9. the survey, paper forms, the next period with its own window and rotated schedule, and a two-year trend', async () => {
		const link = admin('survey-link', '--unit', 'PKM-01').trim();
		const citizen = phone.page;
		await phone.context.clearCookies();
		await citizen.goto(new URL(link).pathname);
		for (let u = 1; u <= 9; u++) await citizen.locator(`input[name=u${u}][value="3"]`).check();
		await citizen.selectOption('select[name=sex]', 'P');
		await citizen.selectOption('select[name=age_band]', '30-39');
		await citizen.fill('input[name=service]', 'Imunisasi anak');
		await shot(citizen, '09-survey-390');
		await Promise.all([citizen.waitForURL('**/terima-kasih'), citizen.click('main button[type=submit]')]);

		const page = desk.page;
		await page.goto(`/admin/survei/${P1}/kertas`);
		await page.fill('input[name="r1.unit_code"]', 'PKM-01');
		await page.fill('input[name="r1.date"]', TODAY);
		for (let u = 1; u <= 9; u++) await page.fill(`input[name="r1.u${u}"]`, '4');
		await page.click('form[action="?/bulk"] button[type=submit]');
		await page.waitForSelector('.alert.success');
		const answers = db<{ service: string | null }>(
			`select r.service from survey_response r join period p on p.id = r.period_id
			 join unit u on u.id = r.unit_id where p.code = ? and u.code = 'PKM-01' order by r.id`,
			P1
		);
		expect(answers.map((a) => a.service)).toEqual(['Imunisasi anak', null]);

		await page.goto('/admin/periode/baru');
		await page.fill('input[name=code]', P2);
		await page.selectOption('select[name=instrument]', 'pekppp-29-2022');
		await page.fill('input[name=name]', 'Penilaian Pelayanan Publik 2027');
		await page.fill('input[name=starts_on]', isoDay(5));
		await page.fill('input[name=ends_on]', isoDay(100));
		await Promise.all([
			page.waitForURL(`**/admin/periode/${P2}?dibuat=1`),
			page.click('main button[type=submit]')
		]);
		const windows = db<{ code: string; from: string; to: string }>(
			'select code, survey_from as "from", survey_to as "to" from period order by id'
		);
		expect(windows[1].from > windows[0].to).toBe(true);
		await page.goto(`/admin/survei/${P2}`);
		await shot(page, '09-next-survey-window-1280');

		await page.goto(`/admin/periode/${P2}/jadwal`);
		await page.click('form[action="?/preview"] button');
		await page.waitForSelector('[data-testid=schedule-preview]');
		const unmet = page.locator('[data-testid=unmet-wishes]');
		const wishes = (await unmet.count()) ? (await unmet.textContent())! : '';
		await shot(page, '09-rotated-preview-1280');
		await Promise.all([
			page.waitForURL('**/jadwal?dibuat=*'),
			page.click('[data-testid=schedule-preview] button[type=submit]')
		]);
		const last = new Set(
			schedule(P1)
				.filter((v) => v.kind === 'regular')
				.map((v) => `${v.email} ${v.unit}`)
		);
		const repeated = schedule(P2).filter((v) => last.has(`${v.email} ${v.unit}`));
		// A repeat is allowed only where the pool cannot avoid it, and the preview names the unit.
		for (const r of repeated) expect(wishes).toContain(r.unit);
		expect(repeated.length).toBeLessThan(schedule(P2).length / 2);

		const rows = schedule(P2).map((v) => `${v.unit},${v.visitNo},${v.email}`);
		const codes = scoredIndicatorCodes('pekppp-29-2022');
		admin(
			'import-scores',
			'--period',
			P2,
			writeScoresCsv(rows.flatMap((r) => codes.map((c) => `${r},${c},3,`)))
		);
		admin('publish', '--period', P2, '--confirm', 'window,no-awards', '--reason', 'Rapat pleno 2027');

		await phone.context.clearCookies();
		await signIn(phone.page, HEAD, PASSWORD);
		await phone.page.goto(`/unit/KEC-02/rapor/${P2}`);
		const trend = (await phone.page.textContent('section[aria-labelledby=tren]'))!;
		expect(trend).toContain('Penilaian Pelayanan Publik 2026');
		expect(trend).toContain('Penilaian Pelayanan Publik 2027');
		await shotBoth(phone.page, '09-two-year-trend');
	}, 600_000);
});
