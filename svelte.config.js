import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// A second, newer build of the same sources (tests/e2e/update-keeps-outbox.test.ts: a deployment
// while a device holds unsent work) goes to its own folders under its own version name; without
// these variables the build is the usual one (README "Install on a phone and offline work").
const next = process.env.RAPOR_BUILD_VERSION
	? {
			version: { name: process.env.RAPOR_BUILD_VERSION },
			outDir: process.env.RAPOR_KIT_OUT ?? '.svelte-kit'
		}
	: {};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		...next,
		// A page's small style sheets travel inside its HTML instead of as render-blocking files of
		// their own (README "On a slow link"); the CSP allows inline styles already.
		inlineStyleThreshold: 8192,
		// Registered by the root layout once the page has started, not at the load event
		// (src/lib/client/service-worker-registration.ts).
		serviceWorker: { register: false },
		adapter: adapter({ out: process.env.RAPOR_BUILD_OUT ?? 'build', envPrefix: '' }),
		// CSRF origin check stays on (SvelteKit default); the CSP is emitted with nonces/hashes.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
