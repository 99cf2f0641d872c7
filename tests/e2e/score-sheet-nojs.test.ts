import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from './support/chromium-path.js';
import { baseURL, signIn } from './support/browser';

const EMAIL = 'laila.bem@student.uic.ac.id';
const profile = mkdtempSync(join(tmpdir(), 'rapor-nojs-'));
let context: BrowserContext;
let page: Page;
let path = '';

beforeAll(async () => {
	context = await chromium.launchPersistentContext(profile, {
		// the system's Chromium or, on a machine without one, the packaged one (README "Two commands")
		executablePath: (await findChromium()) ?? undefined,
		headless: true,
		javaScriptEnabled: false,
		viewport: { width: 360, height: 780 },
		baseURL: baseURL(),
		args: CHROMIUM_ARGS
	});
	page = context.pages()[0] ?? (await context.newPage());
	await signIn(page, EMAIL, 'Demo#Rapor2026');
	path = (await page.getAttribute('main li.state-not_started a', 'href'))!;
});
afterAll(async () => {
	await context.close();
	rmSync(profile, { recursive: true, force: true });
});

function sheetStatus(): string | null {
	const conn = new Database(inject('databasePath'), { readonly: true });
	try {
		const row = conn
			.prepare(
				`select s.status from score_sheet s join user u on u.id = s.assessor_id where s.visit_id = ? and u.email = ?`
			)
			.get(Number(path.split('/').pop()), EMAIL) as { status: string } | undefined;
		return row?.status ?? null;
	} finally {
		conn.close();
	}
}

const submitButton = () => page.click('main button[data-testid=submit-sheet]');

describe('the score sheet without JavaScript', () => {
	it('claims no autosave, has no dead buttons, and says "Tersimpan" after saving', async () => {
		await page.goto(path);
		expect(await page.textContent('main')).not.toContain('tersimpan otomatis');
		expect(await page.locator('main button[type=button]').count()).toBe(0);
		expect(await page.getAttribute('[data-testid=sheet-status] a.next', 'href')).toBe('#ind-1.a.K1');
		await page.check('input[name="score.1.a.K1"][value="3"]');
		await Promise.all([page.waitForLoadState('load'), page.click('main button[formaction="?/save"]')]);
		expect((await page.textContent('[data-testid=saved-notice]'))?.trim()).toBe('Tersimpan.');
		expect(await page.isChecked('input[name="score.1.a.K1"][value="3"]')).toBe(true);
		expect(sheetStatus()).toBe('draft');
	});

	it('validates before asking, then asks on its own page before the irreversible submit', async () => {
		await submitButton();
		expect(await page.textContent('[data-testid=sheet-problems]')).toContain('36 hal perlu dilengkapi');
		expect(await page.locator('[data-testid=confirm-submit]').count()).toBe(0);
		const codes = await page.$$eval('input[type=radio][value="2"]', (els) =>
			els.map((e) => (e as HTMLInputElement).name)
		);
		for (const name of codes) await page.check(`input[name="${name}"][value="2"]`);
		await submitButton();
		await page.locator('[data-testid=confirm-notice]').waitFor();
		expect(sheetStatus()).toBe('draft');
		await Promise.all([
			page.waitForURL((u) => u.searchParams.has('terkirim')),
			page.click('[data-testid=confirm-submit]')
		]);
		expect(sheetStatus()).toBe('submitted');
	});
});
