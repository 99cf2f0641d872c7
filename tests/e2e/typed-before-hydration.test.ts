import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, signIn, type Session } from './support/browser';

// A slow phone shows the server-rendered form long before its scripts run. What the user typed
// (or picked) in that time must survive hydration and be sent: fields take their server value as
// a default (`defaultValue`), which hydration leaves alone once the user has changed the field.

const PASSWORD = 'Demo#Rapor2026';

/** Holds back the app's scripts until `release` is called, so the page stays un-hydrated. */
async function holdScripts(page: Page): Promise<() => Promise<void>> {
	let open!: () => void;
	const gate = new Promise<void>((r) => (open = r));
	await page.route('**/_app/immutable/**', async (route) => {
		await gate;
		await route.continue();
	});
	return async () => {
		open();
		// The root layout marks `rapor:hydrated` once every component has mounted (networkidle alone
		// came too early on a loaded CPU, and the values were then read before hydration could
		// empty them).
		await page.waitForFunction(() => performance.getEntriesByName('rapor:hydrated').length > 0, null, {
			timeout: 30_000
		});
		await page.waitForLoadState('networkidle');
		// The new-period page's fields were emptied only seconds after the mark under load (seen in
		// a manual run against the unfixed build), so give hydration's effects that time too.
		await page.waitForTimeout(3000);
		await page.unroute('**/_app/immutable/**');
	};
}

describe('what is typed before the scripts load', () => {
	let s: Session;
	beforeAll(async () => {
		s = await openBrowser({ width: 390, height: 844 });
	});
	afterAll(() => s.close());

	it('keeps the sign-in email and signs in', async () => {
		const release = await holdScripts(s.page);
		await s.page.goto('/login', { waitUntil: 'commit' });
		await s.page.waitForSelector('input[name=email]');
		await s.page.fill('input[name=email]', 'admin@kotacontoh.go.id');
		await s.page.fill('input[name=password]', PASSWORD);
		await release();
		expect(await s.page.inputValue('input[name=email]')).toBe('admin@kotacontoh.go.id');
		await Promise.all([
			s.page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 }),
			s.page.click('main button[type=submit]')
		]);
		expect(new URL(s.page.url()).pathname).toBe('/admin');
	});

	it('keeps text, choice and dates of the new-period form and creates the period', async () => {
		await s.context.clearCookies();
		await signIn(s.page, 'admin@kotacontoh.go.id', PASSWORD);
		const release = await holdScripts(s.page);
		await s.page.goto('/admin/periode/baru', { waitUntil: 'commit' });
		await s.page.waitForSelector('input[name=ends_on]');
		const typed = {
			'input[name=code]': 'HIDRASI-2028',
			'input[name=name]': 'Uji Hidrasi 2028',
			'input[name=starts_on]': '2028-01-03',
			'input[name=ends_on]': '2028-03-31'
		};
		for (const [field, value] of Object.entries(typed)) await s.page.fill(field, value);
		await s.page.selectOption('select[name=instrument]', 'permenpan-17-2017');
		await release();
		for (const [field, value] of Object.entries(typed)) expect(await s.page.inputValue(field)).toBe(value);
		expect(await s.page.inputValue('select[name=instrument]')).toBe('permenpan-17-2017');
		await Promise.all([
			s.page.waitForURL('**/admin/periode/HIDRASI-2028?dibuat=1', { timeout: 30_000 }),
			s.page.click('main button[type=submit]')
		]);
		expect(await s.page.textContent('main')).toContain('Uji Hidrasi 2028');
	});
});
