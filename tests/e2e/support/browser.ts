import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from './chromium-path.js';
import { keepOfflineTruthful } from './truthful-offline';

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
	keepOfflineTruthful(context);
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
	// After the scripts have loaded: a field filled while the page hydrates can be emptied by it, and
	// the browser then refuses the submit on `required` without a word (the page stays at /login).
	await page.goto('/login', { waitUntil: 'networkidle' });
	const attempt = async (timeout: number) => {
		await page.fill('input[name=email]', email);
		await page.fill('input[name=password]', password);
		await Promise.all([
			page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout }),
			page.click('main button[type=submit]')
		]);
	};
	try {
		await attempt(10_000);
	} catch (first) {
		// Tried once more only when the page said nothing (no refusal, no throttle message).
		const refused = await page.locator('main [role=alert]').count();
		try {
			if (refused > 0 || !new URL(page.url()).pathname.startsWith('/login')) throw first;
			await attempt(30_000);
		} catch (e) {
			// Say what the sign-in page answered (a throttle, a wrong password) instead of only "timeout".
			const said = await page.textContent('main').catch(() => null);
			throw new Error(`sign-in of ${email} stayed at ${page.url()}: ${said?.replace(/\s+/g, ' ').trim()}`, {
				cause: e
			});
		}
	}
}
