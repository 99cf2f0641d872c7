import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { findChromium, CHROMIUM_ARGS } from './support/chromium-path.js';
import { runAdmin as admin, scoredIndicatorCodes, writeScoresCsv } from './support/cli';
import { baseURL, openBrowser, signIn, type Session } from './support/browser';

// The review page (README, Review): flags grouped by unit or indicator, filtered, resolved one by one
// or together with one note, and the page stays where the reader is, with and without JavaScript.
const PASSWORD = 'Demo#Rapor2026';
const PERIOD = 'E2E-REVIEW';
const SHOTS = '/tmp/office-shots';
let s: Session;

/** Three Puskesmas, two visits each; the second visit differs by 3 on the first four indicators. */
function scoresCsv(): string {
	const codes = scoredIndicatorCodes();
	const rows: string[] = [];
	for (const unit of ['PKM-01', 'PKM-02', 'PKM-03'])
		for (const [visit, email] of [
			[1, 'dr.ratna@unc.ac.id'],
			[2, 'agus.prasetyo@unc.ac.id']
		] as const)
			codes.forEach((code, i) =>
				rows.push(
					`${unit},${visit},${email},${code},${visit === 2 && i < 4 ? 5 : 2},${visit === 2 && i < 4 ? 'diamati' : ''}`
				)
			);
	return writeScoresCsv(rows);
}

const open = () => `/admin/periode/${PERIOD}/review`;
const countOpen = async () =>
	Number((await s.page.textContent('nav.tabs a >> nth=0'))!.match(/\((\d+)\)/)![1]);

beforeAll(async () => {
	mkdirSync(SHOTS, { recursive: true });
	admin(
		'create-period',
		'--code',
		PERIOD,
		'--name',
		'Penilaian Uji Review',
		'--instrument',
		'permenpan-17-2017',
		'--from',
		'2026-01-05',
		'--to',
		'2026-03-31'
	);
	admin('import-scores', '--period', PERIOD, scoresCsv());
	s = await openBrowser();
	await signIn(s.page, 'admin@kotacontoh.go.id', PASSWORD);
}, 600_000);
afterAll(() => s.close());

describe('reviewing disagreements', () => {
	it('groups the twelve flags by unit, with open counts, and by indicator on request', async () => {
		const p = s.page;
		await p.goto(open());
		expect(await countOpen()).toBe(12);
		const groups = p.locator('section.group');
		expect(await groups.count()).toBe(3);
		expect(await groups.first().locator('h2').textContent()).toContain('PKM-01');
		expect(await groups.first().locator('.badge').first().textContent()).toContain('4 terbuka');
		await p.screenshot({ path: `${SHOTS}/review-1280.png`, fullPage: true });

		await p.check('input[name=kelompok][value=indicator]');
		await Promise.all([p.waitForURL(/kelompok=indicator/), p.click('form.filters button[type=submit]')]);
		expect(await groups.count()).toBe(4);
		expect(await groups.first().locator('[data-testid=flag]').count()).toBe(3);

		await p.selectOption('select[name=unit]', 'PKM-02');
		await Promise.all([p.waitForURL(/unit=PKM-02/), p.click('form.filters button[type=submit]')]);
		expect(await p.locator('[data-testid=flag]').count()).toBe(4);
		for (const card of await p.locator('[data-testid=flag]').all())
			expect(await card.textContent()).toContain('PKM-02');
	});

	it('resolves a whole group with one note and stays where the reader was', async () => {
		const p = s.page;
		await p.goto(open());
		const second = p.locator('section.group').nth(1);
		await second.scrollIntoViewIfNeeded();
		await second.locator('label.all input').check();
		expect(await p.textContent('#bulk .badge')).toContain('4 dipilih');
		await p.fill('#bulk-note', 'Kedua penilai sepakat setelah membaca SP bersama.');
		await p.evaluate(() => window.scrollTo(0, 600));
		p.once('dialog', (d) => d.accept());
		await Promise.all([p.waitForURL(/selesai=/), p.click('#bulk button[type=submit]')]);
		await p.waitForFunction(() =>
			document.querySelector('[role=status]')?.textContent?.includes('4 selisih')
		);
		expect(await countOpen()).toBe(8);
		// The page reloaded its data without jumping to the top.
		expect(await p.evaluate(() => window.scrollY)).toBeGreaterThan(0);
		expect(await p.textContent('main')).not.toContain('PKM-02 · Indikator');
	});

	it('refuses an empty bulk choice with a clear message, and resolves one flag on its own', async () => {
		const p = s.page;
		await p.goto(open());
		await p.fill('#bulk-note', 'Tanpa pilihan');
		p.once('dialog', (d) => d.accept());
		await p.click('#bulk button[type=submit]');
		await p.waitForSelector('#bulk [role=alert]');
		expect(await p.textContent('#bulk [role=alert]')).toContain('Pilih sedikitnya satu selisih');
		expect(await countOpen()).toBe(8);

		const card = p.locator('[data-testid=flag]').first();
		await card.locator('textarea[name=note]').fill('Foto bukti memperjelas.');
		await Promise.all([p.waitForURL(/selesai=/), card.locator('button[type=submit]').click()]);
		await p.waitForFunction(() =>
			document.querySelector('[role=status]')?.textContent?.includes('diselesaikan')
		);
		expect(await countOpen()).toBe(7);
	});

	it('does the same without JavaScript, and on a phone the page does not scroll sideways', async () => {
		const browser = await chromium.launch({
			executablePath: (await findChromium()) ?? undefined,
			args: CHROMIUM_ARGS
		});
		const context = await browser.newContext({
			baseURL: baseURL(),
			javaScriptEnabled: false,
			viewport: { width: 390, height: 844 }
		});
		context.setDefaultTimeout(60_000);
		const p = await context.newPage();
		await signIn(p, 'admin@kotacontoh.go.id', PASSWORD);
		await p.goto(open());
		const boxes = p.locator('input[name=flag][form=bulk]');
		await boxes.nth(0).check();
		await boxes.nth(1).check();
		await p.fill('#bulk-note', 'Diselesaikan tanpa JavaScript.');
		await Promise.all([p.waitForURL(/selesai=.*#grup-/), p.click('#bulk button[type=submit]')]);
		expect(await p.textContent('[role=status]')).toContain('2 selisih diselesaikan');
		expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await p.screenshot({ path: `${SHOTS}/review-390.png`, fullPage: true });
		await browser.close();
	});

	it('speaks English when the reader chose English', async () => {
		const p = s.page;
		await s.context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: baseURL() }]);
		await p.goto(open());
		const text = (await p.textContent('main'))!;
		expect(text).toContain('Review of score disagreements');
		expect(text).toContain('Resolve together');
		expect(text).not.toContain('Selesaikan');
		await p.screenshot({ path: `${SHOTS}/review-en-1280.png`, fullPage: true });
		await s.context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'id', url: baseURL() }]);
	});
});
