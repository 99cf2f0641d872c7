/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, version } from '$service-worker';

// The installable shell (README "Install on a phone and offline work"): the built app and static files are precached
// under a name tied to the build, older caches go on activation. Unsent work never lives here:
// the outbox is in IndexedDB, which a new build leaves alone.
const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `rapor-${version}`;
const SHELL = '/luring';
// The shell renders in the browser, which first asks for the root layout's data (the signed-in user).
const SHELL_DATA = '/luring/__data.json';
const PRECACHED = new Set([...build, ...files]);
// The enumerator's questionnaire page (README "Survey enumerators") renders on the server with the
// enumerator's units; the last copy seen with signal is what opens without it.
const ENUMERATOR = '/enumerasi';
const ENUMERATOR_DATA = '/enumerasi/__data.json';

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll([...PRECACHED, SHELL, SHELL_DATA]))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
			.then(() => sw.clients.claim())
	);
});

/** Where a page of the score sheets goes without signal: the offline list or the stored sheet. */
function offlineTarget(url: URL): string | null {
	if (url.pathname === '/penilaian') return SHELL;
	const visit = /^\/penilaian\/(\d+)\/?$/.exec(url.pathname);
	return visit ? `${SHELL}#kunjungan-${visit[1]}` : null;
}

/**
 * Stores a fresh copy in this build's cache. A newer build's worker deletes that cache when it
 * activates; a request this (old) worker still answers afterwards must not bring it back.
 */
async function keep(key: string, res: Response): Promise<void> {
	if (await caches.has(CACHE)) await (await caches.open(CACHE)).put(key, res);
}

/** The shell and its data: from the network when there is signal (kept for later), else from the cache. */
async function networkFirst(request: Request, key: string): Promise<Response> {
	try {
		const res = await fetch(request);
		if (res.ok) await keep(key, res.clone());
		return res;
	} catch {
		const cached = await caches.match(key, { cacheName: CACHE });
		return cached ?? new Response('Offline', { status: 503 });
	}
}

async function navigate(request: Request, url: URL): Promise<Response> {
	if (url.pathname === SHELL) return networkFirst(request, SHELL);
	if (url.pathname === ENUMERATOR) return networkFirst(request, ENUMERATOR);
	try {
		return await fetch(request);
	} catch {
		const target = offlineTarget(url);
		if (target) return Response.redirect(new URL(target, url).href, 302);
		throw new Error('offline');
	}
}

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	if (request.mode === 'navigate') {
		event.respondWith(navigate(request, url));
		return;
	}
	if (url.pathname === SHELL_DATA || url.pathname === ENUMERATOR_DATA) {
		event.respondWith(networkFirst(request, url.pathname));
		return;
	}
	if (PRECACHED.has(url.pathname))
		event.respondWith(caches.match(url.pathname, { cacheName: CACHE }).then((r) => r ?? fetch(request)));
});
