import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, type Session } from './support/browser';

// Accounts by invitation (README "Accounts by invitation"): the office at 1280 px makes the link,
// the invited assessor opens it on a 390 px phone.
const PASSWORD = 'Demo#Rapor2026';
let office: Session;
let phone: Session;

beforeAll(async () => {
	office = await openBrowser();
	phone = await openBrowser({ width: 390, height: 844 });
});
afterAll(async () => {
	await office.close();
	await phone.close();
});

describe('accounts by invitation', () => {
	let link = '';

	it('lets the office create an account without a password and make its set-password link', async () => {
		const p = office.page;
		await signIn(p, 'admin@kotacontoh.go.id', PASSWORD);
		await p.goto('/admin/pengguna/baru');
		await p.fill('input[name=name]', 'Eka Undangan');
		await p.fill('input[name=email]', 'eka.undangan@unc.ac.id');
		await p.selectOption('select[name=role]', 'assessor');
		await Promise.all([p.waitForURL(/\/admin\/pengguna\/\d+/), p.click('main button[type=submit]')]);
		expect(await p.textContent('main')).toContain('belum bisa masuk');

		await Promise.all([
			p.waitForURL('**/admin/pengguna/undangan?/one'),
			p.click('form[action="/admin/pengguna/undangan?/one"] button')
		]);
		const row = p.locator('[data-testid=invite-list] tbody tr');
		expect(await row.count()).toBe(1);
		expect(await row.textContent()).toContain('eka.undangan@unc.ac.id');
		link = (await row.locator('code').textContent())!.trim();
		expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sandi\/[a-z0-9]+\.[a-z0-9]+$/);

		await p.goto('/admin/pengguna/undangan');
		expect(await p.textContent('main')).toMatch(/\d+ akun aktif belum memiliki kata sandi/);
	});

	it('lets the invited assessor set a password on a phone, signs them in, and then says the link was used', async () => {
		const p = phone.page;
		await p.goto(link);
		expect(await p.textContent('main')).toContain('eka.undangan@unc.ac.id');
		await p.fill('input[name=password]', 'sawah-hijau-pagi');
		await p.fill('input[name=confirm]', 'sawah-hijau-lain');
		await p.click('main button[type=submit]');
		await p.waitForSelector('text=Kedua kata sandi tidak sama.');
		await p.fill('input[name=password]', 'sawah-hijau-pagi');
		await p.fill('input[name=confirm]', 'sawah-hijau-pagi');
		await Promise.all([p.waitForURL('**/penilaian'), p.click('main button[type=submit]')]);
		await p.screenshot({ path: '/tmp/office-shots/invite-phone-done.png' });

		await p.goto(link);
		expect(await p.textContent('[data-testid=link-problem]')).toContain('sudah dipakai');
		await p.goto('/sandi/bukan.tautan');
		expect(await p.textContent('[data-testid=link-problem]')).toContain('tidak dikenal');

		await phone.context.clearCookies();
		await signIn(p, 'eka.undangan@unc.ac.id', 'sawah-hijau-pagi');
		expect(new URL(p.url()).pathname).toBe('/penilaian');
	});

	it('explains on the sign-in page how to get a link when no mail server is set', async () => {
		const p = phone.page;
		await phone.context.clearCookies();
		await p.goto('/login');
		await Promise.all([p.waitForURL('**/lupa-sandi'), p.click('text=Lupa kata sandi?')]);
		const text = await p.textContent('main');
		expect(text).toContain('tautan sekali pakai');
		expect(text).toContain('hubungi administrator');
		expect(await p.locator('main form').count()).toBe(0);
	});
});
