import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from './chromium-path.js';

export const baseURL = () => inject('baseURL');

export interface Session {
	context: BrowserContext;
	page: Page;
	close: () => Promise<void>;
}

/**
 * A fresh Chromium profile per test file: no cookies or storage leak between tests. `origin`
 * serves a test that starts its own app (support/global-setup.ts startApp).
 */
export async function openBrowser(
	viewport = { width: 1280, height: 900 },
	origin = baseURL()
): Promise<Session> {
	const profile = mkdtempSync(join(tmpdir(), 'rapor-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: (await findChromium()) ?? undefined,
		headless: true,
		viewport,
		baseURL: origin,
		args: [
			...CHROMIUM_ARGS,
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run'
		]
	});
	const page = context.pages()[0] ?? (await context.newPage());
	return {
		context,
		page,
		close: async () => {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	};
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
	await page.goto('/login');
	await page.fill('input[name=email]', email);
	await page.fill('input[name=password]', password);
	try {
		await Promise.all([
			page.waitForURL((url) => !url.pathname.startsWith('/login')),
			page.click('main button[type=submit]')
		]);
	} catch (e) {
		// Say what the sign-in page answered (a throttle, a wrong password) instead of only "timeout".
		const said = await page.textContent('main').catch(() => null);
		throw new Error(`sign-in of ${email} stayed at ${page.url()}: ${said?.replace(/\s+/g, ' ').trim()}`, {
			cause: e
		});
	}
}
