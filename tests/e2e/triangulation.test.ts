import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, type Session } from './support/browser';

const PASSWORD = 'Demo#Rapor2026';
const PAGE = '/admin/periode/MPP-2025/triangulasi';
let admin: Session;
let phone: Session;
const SHOTS = mkdtempSync(join(tmpdir(), 'rapor-triangulasi-shots-'));

/** The page at phone and desktop width, named by language, for a person to look at. */
async function shots(p: Page, lang: 'id' | 'en'): Promise<void> {
	const before = p.viewportSize()!;
	for (const width of [390, 1280]) {
		await p.setViewportSize({ width, height: width < 600 ? 844 : 900 });
		await p.screenshot({ path: join(SHOTS, `triangulation-${width}-${lang}.png`), fullPage: true });
	}
	await p.setViewportSize(before);
}

beforeAll(async () => {
	admin = await openBrowser();
	phone = await openBrowser({ width: 390, height: 844 });
	await signIn(admin.page, 'admin@kotacontoh.go.id', PASSWORD);
	await signIn(phone.page, 'walikota@kotacontoh.go.id', PASSWORD);
	console.log(`triangulation screenshots: ${SHOTS}`);
});
afterAll(async () => {
	await admin.close();
	await phone.close();
});

const csv = (text: string) => ({ name: 'pengaduan.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

describe('complaints and triangulation', () => {
	it('imports complaints through a preview, refusing a bad file with its line numbers', async () => {
		const p = admin.page;
		await p.goto('/admin/pengaduan/impor');
		await p.setInputFiles(
			'input[name=file]',
			csv('ticket,unit_code,received,closed\nE2E-1,NOPE,2025-07-01,\n')
		);
		await Promise.all([p.waitForLoadState('load'), p.click('form[action="?/preview"] button')]);
		expect(await p.textContent('[data-testid=import-problems]')).toContain(
			'baris 2: unit NOPE tidak dikenal'
		);

		const good = [
			'ticket;unit_code;received;closed;channel',
			'E2E-1;KEL-18;2025-07-02;;WhatsApp',
			'E2E-2;KEL-18;2025-07-03;2025-07-04;SP4N-LAPOR',
			'E2E-1;KEL-18;2025-07-02;2025-07-09;WhatsApp'
		].join('\n');
		await p.setInputFiles('input[name=file]', csv(good));
		await Promise.all([p.waitForLoadState('load'), p.click('form[action="?/preview"] button')]);
		const preview = await p.textContent('[data-testid=import-preview]');
		expect(preview).toContain('2 pengaduan baru');
		expect(preview).toContain('menggantikan baris 2');
		await Promise.all([
			p.waitForURL('**/admin/pengaduan/impor?selesai=*'),
			p.click('form[action="?/confirm"] button')
		]);
		expect(await p.textContent('.alert.success')).toContain('2 pengaduan baru');
	});

	it('shows the signals per category, sorts by a column and explains each flag', async () => {
		const p = admin.page;
		await p.goto(`${PAGE}?kategori=Puskesmas`);
		expect(await p.textContent('h1')).toContain('Triangulasi');
		const rows = p.locator('[data-testid=triangulation-table] tbody tr');
		expect(await rows.count()).toBe(12);
		// The default order puts the disagreeing units first, each with a plain-language reason.
		expect(await rows.first().locator('[data-testid=flag]').textContent()).toContain('tidak selaras');
		expect(await rows.first().locator('li').first().textContent()).toMatch(/PR \d+.*PR \d+\./);

		await p.click('th a[aria-label="Urutkan menurut IKM"]');
		await p.waitForURL(/urut=ikm&arah=desc/);
		expect(await p.getAttribute('th[aria-sort]', 'aria-sort')).toBe('descending');
		const first = await rows.nth(0).locator('td').nth(3).innerText();
		const second = await rows.nth(1).locator('td').nth(3).innerText();
		const ikm = (s: string) => Number(s.split('\n')[0].replace(',', '.'));
		expect(ikm(first)).toBeGreaterThanOrEqual(ikm(second));
		expect(first).toMatch(/^\d+,\d{2}/);
		await shots(p, 'id');
	});

	it('opens for the viewer on a phone, in English too, and stays closed to unit heads', async () => {
		const p = phone.page;
		const response = await p.goto(`${PAGE}?kategori=Kelurahan`);
		expect(response?.status()).toBe(200);
		expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await Promise.all([
			p.waitForURL(`**${PAGE}?kategori=Kelurahan`),
			p.click('[data-testid=language-switch]')
		]);
		expect(await p.textContent('h1')).toContain('Triangulation');
		expect(await p.textContent('th[aria-sort]')).toContain('Agreement');
		// Numbers follow the reader's notation (README "Where translation happens"): 4.20, not 4,20.
		const figures = (await p.locator('[data-testid=triangulation-table] tbody td.num').allInnerTexts()).join(
			' '
		);
		expect(figures).toMatch(/\d\.\d{2}/);
		expect(figures).not.toMatch(/\d,\d/);
		await shots(p, 'en');
		await p.goto('/unit/KEL-18/rapor/MPP-2025');
		const signals = await p.textContent('[data-testid=signals]');
		expect(signals).toMatch(/\d\.\d{2}/);
		expect(signals).not.toMatch(/\d,\d/);
		const pdf = await p.request.get('/unit/KEL-18/rapor/MPP-2025.pdf');
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), {
			mergePages: true
		});
		const printed = text.replace(/\s+/g, ' ');
		const section = printed.slice(printed.indexOf('Three signals'), printed.indexOf('Score per indicator'));
		expect(section).toContain('IPP (assessors)');
		expect(section).toMatch(/\d\.\d{2}/);
		expect(section).not.toMatch(/\d,\d/);

		const head = await openBrowser();
		try {
			await signIn(head.page, 'lurah.mrican@kotacontoh.go.id', PASSWORD);
			expect((await head.page.goto(PAGE))?.status()).toBe(403);
		} finally {
			await head.close();
		}
	});

	it("puts the unit's three signals on its report card", async () => {
		const p = admin.page;
		await p.goto('/unit/KEL-18/rapor/MPP-2025');
		const signals = await p.textContent('[data-testid=signals]');
		expect(signals).toContain('Konsultasi dan Pengaduan');
		expect(signals).toContain('Penanganan Pengaduan');
		expect(signals).toMatch(/\d+ dari \d+ selesai/);
		// The printed card carries the same three signals (docs/rules.md §9.3).
		const pdf = await p.request.get('/unit/KEL-18/rapor/MPP-2025.pdf');
		expect(pdf.status()).toBe(200);
		const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), {
			mergePages: true
		});
		const printed = text.replace(/\s+/g, ' ');
		expect(printed).toContain('Tiga sinyal: penilai, warga, pengaduan');
		expect(printed).toContain('Aspek V: Konsultasi dan Pengaduan');
		expect(printed).toMatch(/\d+ dari \d+ selesai/);
	});
});
