import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { openBrowser, signIn, type Session } from './support/browser';

const PASSWORD = 'Demo#Rapor2026';
// A 1×1 PNG: evidence is checked by content, so it must really be an image.
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
	'base64'
);
let s: Session;
let planUrl = '';
let itemCode = '';

beforeAll(async () => {
	s = await openBrowser();
});
afterAll(() => s.close());

describe('report card and coaching loop', () => {
	it('shows a unit head only their own report card', async () => {
		await signIn(s.page, 'lurah.mrican@kotacontoh.go.id', PASSWORD);
		expect(await s.page.locator('[data-testid=unit-card] h2').allTextContents()).toEqual([
			'Kelurahan Mrican'
		]);
		// The home links the unit's latest published card; other e2e files may publish later periods.
		expect(await s.page.locator('[data-testid=unit-card] a.button').getAttribute('href')).toMatch(
			/^\/unit\/KEL-18\/rapor\//
		);
		await s.page.goto('/unit/KEL-18/rapor/MPP-2025');
		expect(await s.page.textContent('[data-testid=report-unit]')).toContain('Kelurahan Mrican');
		expect(await s.page.textContent('[data-testid=report-rank]')).toMatch(/^\d+ dari 30$/);
		expect(await s.page.locator('canvas').count()).toBeGreaterThan(0);

		const other = await s.page.goto('/unit/KEL-01/rapor/MPP-2025');
		expect(other?.status()).toBe(403);
		const unpublished = await s.page.goto('/unit/KEL-18/rapor/MPP-2026');
		expect(unpublished?.status()).toBe(404);
	});

	it('downloads the PDF report card with the unit name and IPP in its text', async () => {
		await s.page.goto('/unit/KEL-18/rapor/MPP-2025');
		const ipp = (await s.page.textContent('[data-testid=report-ipp]'))!.trim();
		expect(ipp).toMatch(/^\d,\d\d$/);
		const href = await s.page.getAttribute('[data-testid=pdf-link]', 'href');
		const response = await s.page.request.get(href!);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('application/pdf');
		const pdf = await getDocumentProxy(new Uint8Array(await response.body()));
		const { text } = await extractText(pdf, { mergePages: true });
		expect(text).toContain('Kelurahan Mrican');
		expect(text).toContain(ipp);
		expect(text).toContain('PEMERINTAH KOTA CONTOH');
		expect(text).toMatch(/Halaman 1 dari \d+/);
		const foreign = await s.page.request.get('/unit/KEL-01/rapor/MPP-2025.pdf');
		expect(foreign.status()).toBe(403);
	});

	it('lets the unit head record progress with evidence on a coaching item', async () => {
		await s.page.goto('/unit/KEL-18/rapor/MPP-2025');
		await Promise.all([s.page.waitForURL('**/pembinaan/*'), s.page.click('text=Buka rencana pembinaan')]);
		planUrl = new URL(s.page.url()).pathname;
		const item = s.page
			.locator('[data-testid=plan-item]')
			.filter({ has: s.page.locator('[data-testid=progress-form]') })
			.filter({ hasText: 'Belum dimulai' })
			.first();
		itemCode = (await item.getAttribute('data-code'))!;
		await item.locator('select[name=status]').selectOption('done');
		await item
			.locator('textarea[name=note]')
			.fill('Inovasi layanan antar dokumen sudah berjalan sejak Oktober.');
		await item
			.locator('input[name=berkas]')
			.setInputFiles({ name: 'bukti.png', mimeType: 'image/png', buffer: PNG });
		await item.locator('button[type=submit]').click();
		await s.page.waitForSelector('.alert.success');
		const updated = s.page.locator(`[data-testid=plan-item][data-code="${itemCode}"]`);
		expect(await updated.locator('[data-testid=item-status]').textContent()).toBe(
			'Selesai (menunggu verifikasi)'
		);
		expect(await updated.textContent()).toContain('Bukti terlampir (foto)');
		const evidence = await updated.locator('a[href*="/bukti/"]').getAttribute('href');
		const file = await s.page.request.get(evidence!);
		expect(file.status()).toBe(200);
		expect(file.headers()['content-type']).toBe('image/png');
		expect(Buffer.from(await file.body()).equals(PNG)).toBe(true);
	});

	it('refuses a fake image as evidence with a clear message', async () => {
		await s.page.goto(planUrl);
		// Any other item that still takes progress: other test files record progress on this plan
		// too, so which items are still "Belum dimulai" depends on the order the files run in.
		const item = s.page
			.locator(`[data-testid=plan-item]:not([data-code="${itemCode}"])`)
			.filter({ has: s.page.locator('[data-testid=progress-form]') })
			.first();
		await item.locator('textarea[name=note]').fill('Foto menyusul');
		await item.locator('input[name=berkas]').setInputFiles({
			name: 'foto.jpg',
			mimeType: 'image/jpeg',
			buffer: Buffer.from('<html>bukan foto</html>')
		});
		await item.locator('button[type=submit]').click();
		await s.page.waitForSelector('.alert.error');
		expect(await s.page.textContent('.alert.error')).toContain('harus berupa foto');
	});

	it('lets the admin (the mentor) verify the item', async () => {
		await s.context.clearCookies();
		await signIn(s.page, 'admin@kotacontoh.go.id', PASSWORD);
		await s.page.goto(planUrl);
		const item = s.page.locator(`[data-testid=plan-item][data-code="${itemCode}"]`);
		await item.locator('[data-testid=review-form] button[value=verify]').click();
		await s.page.waitForSelector('.alert.success');
		expect(
			await s.page
				.locator(`[data-testid=plan-item][data-code="${itemCode}"] [data-testid=item-status]`)
				.textContent()
		).toBe('Terverifikasi');
	});

	it('exports the plans as XLSX for the admin', async () => {
		const response = await s.page.request.get('/pembinaan/ekspor.xlsx?status=active');
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toContain('spreadsheetml');
		expect((await response.body()).subarray(0, 2).toString()).toBe('PK');
	});
});
