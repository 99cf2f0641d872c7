import { dev } from '$app/environment';
import { base } from '$app/paths';

// The service worker precaches the whole built app (README "Install on a phone and offline
// work"): about 160 files. SvelteKit registers it at the load event, which on a slow phone falls
// before the page has hydrated, so the precache competed with the page's own first start (README
// "On a slow link"). It is registered here instead, once the page is ready and the browser idle:
// what it fetches is for the next visit and for work without signal, never for this one.

const IDLE_TIMEOUT_MS = 3000;

function whenIdle(run: () => void): void {
	if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
	else setTimeout(run, 200);
}

/** Registers /service-worker.js after the load event, when the browser is next idle. */
export function registerServiceWorkerWhenIdle(): void {
	if (!('serviceWorker' in navigator)) return;
	const register = () =>
		whenIdle(() => {
			// A refused registration (private mode, an old browser) leaves the app working online.
			navigator.serviceWorker
				.register(`${base}/service-worker.js`, { type: dev ? 'module' : 'classic' })
				.catch(() => undefined);
		});
	if (document.readyState === 'complete') register();
	else addEventListener('load', register, { once: true });
}
