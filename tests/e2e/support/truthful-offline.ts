import type { BrowserContext, CDPSession, Page } from 'playwright-core';

const conditions = (offline: boolean) => ({
	offline,
	latency: 0,
	downloadThroughput: -1,
	uploadThroughput: -1
});

/**
 * `context.setOffline(true)` that the page also believes. Chromium 143 (the `@sparticuz/chromium`
 * fallback of README "Tests") blocks the network but leaves `navigator.onLine` true in a
 * document that the service worker serves on a reload without signal, and fires no `offline`
 * event: the app then tries to send on every change, as on a link that claims signal but carries
 * nothing. Chromium 156 reports `false` there. A phone without signal reports `false`, so while
 * the context is offline the emulation is sent again for each new document of a page; with it
 * both Chromiums answer `navigator.onLine === false` after every reload.
 */
export function keepOfflineTruthful(context: BrowserContext): void {
	let offline = false;
	// One session per page, kept open (detaching a session may drop what it emulates). It is stored
	// while it is still being opened: a reload fires several `framenavigated` events at once, and a
	// second session opened beside the first was never told "online" again, which left the page
	// cut off after `setOffline(false)` (ERR_INTERNET_DISCONNECTED with navigator.onLine true).
	const sessions = new Map<Page, Promise<CDPSession | null>>();
	const emulate = async (session: Promise<CDPSession | null>, value: boolean) =>
		(await session)?.send('Network.emulateNetworkConditions', conditions(value)).catch(() => undefined);
	const setOffline = context.setOffline.bind(context);
	context.setOffline = async (value: boolean) => {
		offline = value;
		await setOffline(value);
		// a session that said "offline" must also say "online" again, or the page stays cut off
		for (const session of sessions.values()) await emulate(session, value);
	};
	const watch = (page: Page) => {
		page.on('close', () => sessions.delete(page));
		page.on('framenavigated', async (frame) => {
			if (!offline || frame !== page.mainFrame()) return;
			let session = sessions.get(page);
			if (!session) {
				// the page may close meanwhile: nothing left to tell then
				session = context.newCDPSession(page).catch(() => null);
				sessions.set(page, session);
			}
			const opened = await session;
			// read again after the wait: a `setOffline(false)` meanwhile has told every session already
			if (offline)
				await opened?.send('Network.emulateNetworkConditions', conditions(true)).catch(() => undefined);
		});
	};
	context.pages().forEach(watch);
	context.on('page', watch);
}
