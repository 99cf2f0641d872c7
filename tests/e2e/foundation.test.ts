import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, type Session } from './support/browser';
import { http } from './support/http';

const PASSWORD = 'Demo#Rapor2026';
let s: Session;

beforeAll(async () => {
	s = await openBrowser();
});
afterAll(() => s.close());

async function signOut() {
	await s.context.clearCookies();
}

describe('the demo city', () => {
	for (const [email, home, heading] of [
		['admin@kotacontoh.go.id', '/admin', 'Administrasi'],
		['dr.ratna@unc.ac.id', '/penilaian', 'Penilaian saya'],
		['lurah.mrican@kotacontoh.go.id', '/unit', 'Unit saya'],
		['walikota@kotacontoh.go.id', '/pimpinan', 'Ringkasan untuk pimpinan']
	] as const) {
		it(`signs ${email} in and lands on ${home}`, async () => {
			await signOut();
			await signIn(s.page, email, PASSWORD);
			expect(new URL(s.page.url()).pathname).toBe(home);
			expect(await s.page.textContent('h1')).toContain(heading);
		});
	}

	it('sends a signed-out visitor of a protected page to the sign-in page, and back after signing in', async () => {
		await signOut();
		await s.page.goto('/admin');
		expect(new URL(s.page.url()).pathname).toBe('/login');
		expect(await s.page.textContent('.alert.info')).toContain('Silakan masuk');
		await s.page.fill('input[name=email]', 'admin@kotacontoh.go.id');
		await s.page.fill('input[name=password]', PASSWORD);
		await Promise.all([s.page.waitForURL('**/admin'), s.page.click('main button[type=submit]')]);
	});

	it('shows a clear error for a wrong password and keeps the email typed', async () => {
		await signOut();
		await s.page.goto('/login');
		await s.page.fill('input[name=email]', 'admin@kotacontoh.go.id');
		await s.page.fill('input[name=password]', 'bukan-kata-sandinya');
		await s.page.click('main button[type=submit]');
		await s.page.waitForSelector('[data-testid=login-error]');
		expect(await s.page.textContent('[data-testid=login-error]')).toContain('Email atau kata sandi salah');
		expect(await s.page.inputValue('input[name=email]')).toBe('admin@kotacontoh.go.id');
	});

	it('names the offline shell, which renders in the browser only, in its first HTML', async () => {
		const html = await (await http('/luring')).text();
		expect(html.match(/<title>[^<]*<\/title>/g)).toEqual(['<title>Rapor Layanan</title>']);
		// a page rendered on the server keeps its own title, and only that one
		const login = await (await http('/login')).text();
		expect(login.match(/<title>[^<]*<\/title>/g)).toHaveLength(1);
		expect(login).not.toContain('<title>Rapor Layanan</title>');
	});

	it('answers a forbidden page with a clear 403 message, not a crash', async () => {
		await signOut();
		await signIn(s.page, 'dr.ratna@unc.ac.id', PASSWORD);
		const response = await s.page.goto('/admin');
		expect(response?.status()).toBe(403);
		expect(await s.page.textContent('[data-testid=error-message]')).toContain('tidak memiliki akses');
	});

	it('treats a stale session cookie as an ended session', async () => {
		await signOut();
		await s.context.addCookies([{ name: 'rl_session', value: 'abc.def', url: s.page.url() }]);
		await s.page.goto('/penilaian');
		expect(new URL(s.page.url()).pathname).toBe('/login');
		expect(await s.page.textContent('.alert.info')).toContain('Sesi Anda telah berakhir');
	});

	it('switches the interface to English and back', async () => {
		await signOut();
		await s.page.goto('/login');
		expect(await s.page.textContent('h1')).toBe('Masuk ke Rapor Layanan');
		await Promise.all([s.page.waitForLoadState('load'), s.page.click('[data-testid=language-switch]')]);
		await s.page.waitForFunction(
			() => document.querySelector('h1')?.textContent === 'Sign in to Rapor Layanan'
		);
		expect(await s.page.getAttribute('html', 'lang')).toBe('en');
		await s.page.click('[data-testid=language-switch]');
		await s.page.waitForFunction(
			() => document.querySelector('h1')?.textContent === 'Masuk ke Rapor Layanan'
		);
	});

	it('shows an instrument with weights, level descriptors and sources to a signed-in user', async () => {
		await signOut();
		await signIn(s.page, 'walikota@kotacontoh.go.id', PASSWORD);
		await s.page.goto('/instrumen/permenpan-17-2017');
		const text = await s.page.textContent('main');
		expect(text).toContain('Kebijakan Pelayanan');
		expect(text).toContain('30,0%');
		expect(text).toContain('SP ditetapkan untuk seluruh layanan dan sesuai asas dan komponen SP.');
		expect(text).toContain('Asal angka');
	});
});
