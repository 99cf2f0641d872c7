import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { openBrowser, signIn, type Session } from './support/browser';

// Certificates carry a verification code and QR to /verifikasi/{code} (README "Certificates").
let s: Session;
beforeAll(async () => {
	s = await openBrowser({ width: 390, height: 844 });
});
afterAll(() => s.close());

describe('certificate verification', () => {
	it('confirms unit, period, award and revision from the code printed on a published certificate', async () => {
		const res = await s.page.request.get('/hasil/MPP-2025/piagam.pdf');
		expect(res.status()).toBe(200);
		const pdf = new Uint8Array(await res.body());
		const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: false });
		const first = text[0];
		const url = first.match(/https?:\/\/\S+\/verifikasi\/([2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5})/);
		expect(url).not.toBeNull();
		await s.page.goto(`/verifikasi/${url![1]}`);
		const box = await s.page.textContent('[data-testid=verification]');
		expect(box).toContain('Piagam ini sah.');
		expect(box).toContain('Terbaik');
		expect(box).toContain('MPP-2025');
		expect(box).toMatch(/Revisi hasil\s*1/);
		await s.page.screenshot({ path: '/tmp/office-shots/verify-390.png', fullPage: true });
	});

	it('says clearly when a code matches no certificate', async () => {
		await s.page.goto('/verifikasi/ABCDE-FGHJK');
		expect(await s.page.textContent('[data-testid=verification]')).toContain('tidak cocok');
	});

	it('warns the office on the results page when the signatory is blank', async () => {
		await signIn(s.page, 'admin@kotacontoh.go.id', 'Demo#Rapor2026');
		await s.page.goto('/hasil/MPP-2025');
		const warning = s.page.locator('[data-testid=signatory-blank]');
		// The demo city may or may not have a signatory; the warning follows the setting.
		const settings = await s.page.goto('/admin/pengaturan');
		expect(settings?.status()).toBe(200);
		const name = await s.page.inputValue('input[name=signatory_name]').catch(() => '');
		await s.page.goto('/hasil/MPP-2025');
		expect(await warning.count()).toBe(name.trim() ? 0 : 1);
	});
});
