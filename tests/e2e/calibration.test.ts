import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, signIn, type Session } from './support/browser';

// docs/rules.md §9.1 in Chromium: the office sets up a round, two assessors score the same anchor
// unit on phones (the usual sheet, shown as "kalibrasi"), the office reads alpha and MADs; the
// live results are unchanged byte for byte.
const PASSWORD = 'Demo#Rapor2026';
const PAGE = '/admin/periode/MPP-2026/kalibrasi';
const RESULTS = '/api/v1/periods/MPP-2026/results';
const ASSESSORS = ['siti.rahma@uic.ac.id', 'dimas.bem@student.unc.ac.id'];
const SHOTS = join(tmpdir(), 'rapor-shots');
let admin: Session;
let resultsBefore = '';
let anchor = '';

beforeAll(async () => {
	mkdirSync(SHOTS, { recursive: true });
	admin = await openBrowser();
	await signIn(admin.page, 'admin@kotacontoh.go.id', PASSWORD);
});
afterAll(() => admin.close());

const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

/** Scores every indicator on the assessor's calibration sheet and submits it. */
async function scoreOnPhone(email: string, level: (i: number) => number): Promise<void> {
	const s = await openBrowser({ width: 390, height: 844 });
	try {
		const page = s.page;
		page.on('dialog', (d) => d.accept());
		await signIn(page, email, PASSWORD);
		const item = page.locator('main li.visit', { has: page.locator('[data-testid=calibration-badge]') });
		expect(await item.count()).toBe(1);
		expect(await item.textContent()).toContain('kalibrasi');
		await Promise.all([page.waitForURL(/\/penilaian\/\d+$/), item.locator('a').click()]);
		expect(await page.textContent('[data-testid=calibration-badge]')).toBe('kalibrasi');
		const codes = await page.$$eval('input[type=radio][value="3"]', (els) =>
			els.map((e) => (e as HTMLInputElement).name.slice('score.'.length))
		);
		expect(codes).toHaveLength(37);
		for (const [i, code] of codes.entries())
			await page.click(`label:has(> input[name="score.${code}"][value="${level(i)}"])`);
		await page.waitForFunction(() =>
			document.querySelector('[data-testid=save-state]')?.textContent?.startsWith('Tersimpan')
		);
		await Promise.all([
			page.waitForURL((u) => u.searchParams.has('terkirim')),
			page.click('main button[data-testid=submit-sheet]')
		]);
		await page.waitForSelector('[data-testid=submitted-notice]');
		if (email === ASSESSORS[1]) await shot(page, 'calibration-sheet-390');
	} finally {
		await s.close();
	}
}

describe('calibration round', () => {
	it('lets the office pick an anchor unit and invite two assessors', async () => {
		const p = admin.page;
		resultsBefore = await (await p.request.get(RESULTS)).text();
		await p.goto(PAGE);
		expect(await p.textContent('h1')).toContain('Putaran kalibrasi');
		expect(await p.textContent('[data-testid=no-anchors]')).toContain('Belum ada unit jangkar');
		await Promise.all([p.waitForLoadState('load'), p.click('form[action="?/anchor"] button')]);
		// The unit field suggests the period's units that match what is typed.
		await p.fill('form[action="?/anchor"] input[name=unit]', 'pkm');
		const suggested = p.locator('form[action="?/anchor"] datalist option');
		await p.waitForFunction(() =>
			document
				.querySelector<HTMLOptionElement>('form[action="?/anchor"] datalist option')
				?.value.startsWith('PKM-')
		);
		const codes = await suggested.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
		expect(codes.length).toBeGreaterThan(0);
		for (const code of codes) expect(code).toMatch(/^PKM-/);
		anchor = codes[0];
		// Only one assessor: refused with the reason, nothing created.
		await p.fill('form[action="?/anchor"] input[name=unit]', anchor);
		await p.check('input[name=assessor] >> nth=0');
		await Promise.all([p.waitForLoadState('load'), p.click('form[action="?/anchor"] button')]);
		expect(await p.textContent('.alert.error')).toContain('sedikitnya dua penilai');

		await p.fill('form[action="?/anchor"] input[name=unit]', anchor);
		for (const email of ASSESSORS) {
			const name = email === ASSESSORS[0] ? 'Siti' : 'Dimas';
			await p.check(`label.check:has-text("${name}") input`);
		}
		await Promise.all([p.waitForURL(/selesai=anchor/), p.click('form[action="?/anchor"] button')]);
		expect(await p.textContent(`[data-anchor="${anchor}"]`)).toContain('belum mulai');
	});

	it('has both assessors score the anchor on phones', { timeout: 300_000 }, async () => {
		await scoreOnPhone(ASSESSORS[0], () => 3);
		await scoreOnPhone(ASSESSORS[1], (i) => (i < 10 ? 3 : 4));
	});

	it('shows the office alpha, MADs and the heat map, and leaves live results unchanged', async () => {
		const p = admin.page;
		await p.goto(PAGE);
		expect(await p.textContent(`[data-anchor="${anchor}"]`)).not.toContain('belum mulai');
		expect(await p.textContent('[data-testid=alpha]')).toMatch(/Alfa Krippendorff \(ordinal\): -?\d+,\d{3}/);
		// Consensus: 3 on the first ten indicators, 3,5 on the other 27; each assessor is 0,5 away
		// on those 27: MAD 13,5 / 37 = 0,36, exact agreement 10 / 37 = 27%.
		for (const email of ASSESSORS) {
			const row = p.locator(`[data-testid=calibration-assessors] tr[data-assessor="${email}"]`);
			const text = (await row.textContent())!;
			expect(text).toContain('0,36');
			expect(text).toContain('27%');
		}
		expect(await p.locator('[data-testid=calibration-heat-map] tbody tr').count()).toBe(2);
		expect(await p.locator('[data-testid=calibration-consensus] tbody tr').count()).toBe(37);
		await shot(p, 'calibration-1280-id');
		expect(await (await p.request.get(RESULTS)).text()).toBe(resultsBefore);

		await Promise.all([
			p.waitForURL(/selesai=mark/),
			p.click(`tr[data-assessor="${ASSESSORS[0]}"] form[action="?/mark"] button`)
		]);
		expect(await p.textContent(`tr[data-assessor="${ASSESSORS[0]}"]`)).toContain('terkalibrasi');
		await Promise.all([p.waitForURL(/selesai=require/), p.click('form[action="?/require"] button')]);
		expect(await p.textContent('[data-testid=require-calibrated]')).toContain(
			'hanya menugaskan penilai terkalibrasi'
		);
		// Back to the default so that other tests plan with every assessor.
		await Promise.all([p.waitForURL(/selesai=require/), p.click('form[action="?/require"] button')]);
	});

	it('reads on a phone and in English', async () => {
		const s = await openBrowser({ width: 390, height: 844 });
		try {
			await signIn(s.page, 'admin@kotacontoh.go.id', PASSWORD);
			await s.page.goto(PAGE);
			await shot(s.page, 'calibration-390-id');
			await Promise.all([s.page.waitForURL(`**${PAGE}`), s.page.click('[data-testid=language-switch]')]);
			expect(await s.page.textContent('h1')).toContain('Calibration round');
			expect(await s.page.textContent('[data-testid=alpha]')).toMatch(
				/Krippendorff's alpha \(ordinal\): -?\d+\.\d{3}/
			);
			// The numbers follow the reader's language too: 0.36, not the Indonesian 0,36.
			for (const email of ASSESSORS) {
				const row = s.page.locator(`[data-testid=calibration-assessors] tr[data-assessor="${email}"]`);
				expect(await row.locator('[data-testid=cal-mad]').textContent()).toBe('0.36');
			}
			await shot(s.page, 'calibration-390-en');
		} finally {
			await s.close();
		}
	});
});
