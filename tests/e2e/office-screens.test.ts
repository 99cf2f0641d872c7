import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, type Session } from './support/browser';

// The office's working pages at 1280 px (README "Pages"): what needs attention, progress with
// reminders, and the audit log in words. Screenshots go to /tmp/office-shots for a look.
const PASSWORD = 'Demo#Rapor2026';
let s: Session;

beforeAll(async () => {
	s = await openBrowser();
	await signIn(s.page, 'admin@kotacontoh.go.id', PASSWORD);
});
afterAll(() => s.close());

describe('the office pages', () => {
	it('lists what needs attention on the dashboard, each entry a link', async () => {
		const p = s.page;
		await p.goto('/admin');
		const links = p.locator('[data-testid=attention] li a');
		expect(await links.count()).toBeGreaterThan(0);
		expect(await p.textContent('[data-testid=attention]')).toContain('kunjungan lewat tanggal');
		await p.screenshot({ path: '/tmp/office-shots/dashboard-1280.png', fullPage: true });
	});

	it('links incomplete units to their visits and builds a WhatsApp and e-mail reminder per late assessor', async () => {
		const p = s.page;
		await p.goto('/admin/periode/MPP-2026/progres');
		const reminders = p.locator('[data-testid=reminder]');
		expect(await reminders.count()).toBeGreaterThan(0);
		const wa = await reminders.first().locator('a[href^="https://wa.me/"]').getAttribute('href');
		expect(decodeURIComponent(wa!)).toContain('/penilaian/');
		expect(await reminders.first().locator('a[href^="mailto:"]').count()).toBe(1);
		expect(await reminders.first().locator('a[href^="/admin/kunjungan/"]').count()).toBeGreaterThan(0);
		const unitLink = p.locator('a[href^="/admin/kunjungan?periode=MPP-2026&q="]').first();
		const href = await unitLink.getAttribute('href');
		await p.screenshot({ path: '/tmp/office-shots/progress-1280.png', fullPage: true });
		await p.goto(href!);
		expect(await p.locator('main table tbody tr').count()).toBeGreaterThan(0);
	});

	it('shows the audit log in words with the raw JSON behind a toggle', async () => {
		const p = s.page;
		await p.goto('/admin/audit');
		const text = await p.textContent('main table');
		expect(text).toContain('Masuk');
		expect(text).not.toContain('sign_in');
		await p.screenshot({ path: '/tmp/office-shots/audit-1280.png', fullPage: false });
	});
});
