import type { BrowserContext, CDPSession, Page } from 'playwright-core';

const conditions = (offline: boolean) => ({
	offline,
	latency: 0,
	downloadThroughput: -1,
	uploadThroughput: -1
});

/**
 * `context.setOffline(true)` that the page also believes. Chromium 143 (the `@sparticuz/chromium`
 * fallback of README "Testing") blocks the network but leaves `navigator.onLine` true in a
 * document that the service worker serves on a reload without signal, and fires no `offline`
 * event: the app then tries to send on every change, as on a link that claims signal but carries
 * nothing. Chromium 156 reports `false` there. A phone without signal reports `false`, so while
 * the context is offline the emulation is sent again for each new document of a page; with it
 * both Chromiums answer `navigator.onLine === false` after every reload.
 */
export function keepOfflineTruthful(context: BrowserContext): void {
	let offline = false;
	const sessions = new Map<Page, CDPSession>();
	const setOffline = context.setOffline.bind(context);
	context.setOffline = async (value: boolean) => {
		offline = value;
		await setOffline(value);
		// a session that said "offline" must also say "online" again, or the page stays cut off
		for (const cdp of sessions.values())
			await cdp.send('Network.emulateNetworkConditions', conditions(value)).catch(() => undefined);
	};
	const watch = (page: Page) => {
		page.on('close', () => sessions.delete(page));
		page.on('framenavigated', async (frame) => {
			if (!offline || frame !== page.mainFrame()) return;
			try {
				// one session per page, kept open: detaching a session may drop what it emulates
				let cdp = sessions.get(page);
				if (!cdp) sessions.set(page, (cdp = await context.newCDPSession(page)));
				if (offline) await cdp.send('Network.emulateNetworkConditions', conditions(true));
			} catch {
				// the page closed meanwhile: nothing left to tell
			}
		});
	};
	context.pages().forEach(watch);
	context.on('page', watch);
}
