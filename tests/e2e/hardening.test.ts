import { describe, expect, it } from 'vitest';
import { baseURL } from './support/browser';
import { DEMO, http, httpSignIn } from './support/http';

// Regression tests of the hardening defects, against the built app over plain HTTP.

describe('redirect after sign-in', () => {
	it('never leaves the origin through next, and never answers 500 for CR/LF or non-ASCII', async () => {
		const cookie = await httpSignIn(DEMO.viewer);
		for (const next of [
			'/\t/evil.example/x',
			'/\r\n/evil.example',
			'/\u00e9',
			'//evil.example',
			'/..//evil.example'
		]) {
			const res = await http(`/login?next=${encodeURIComponent(next)}`, { cookie });
			expect(res.status).toBe(303);
			const location = new URL(res.headers.get('location')!, baseURL());
			expect(location.origin).toBe(baseURL());
			expect(location.pathname).toBe('/pimpinan');
		}
		const kept = await http(`/login?next=${encodeURIComponent('/instrumen?x=1')}`, { cookie });
		expect(kept.headers.get('location')).toBe('/instrumen?x=1');
	});

	it('signs in through a link with a tab in next and lands at home', async () => {
		const res = await http(`/login?next=${encodeURIComponent('/\t/evil.example/x')}`, {
			body: new URLSearchParams({ email: DEMO.otherHead, password: 'Demo#Rapor2026' }),
			headers: { 'content-type': 'application/x-www-form-urlencoded' }
		});
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/unit');
	});

	it('language switch refuses a foreign back path', async () => {
		const res = await http('/bahasa', {
			body: new URLSearchParams({ locale: 'en', back: '/\t/evil.example' }),
			headers: { 'content-type': 'application/x-www-form-urlencoded' }
		});
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/');
	});
});

describe('caching and the session cookie', () => {
	const publicUrls = [
		'/api/v1/periods/MPP-2025/results',
		'/api/v1/periods/MPP-2025/results.csv',
		'/api/v1/periods/MPP-2025/results.xlsx'
	];

	it('sends no cookie with a public answer, and answers a signed-in user privately', async () => {
		const cookie = await httpSignIn(DEMO.head);
		for (const url of publicUrls) {
			const anonymous = await http(url);
			expect(anonymous.status).toBe(200);
			expect(anonymous.headers.get('cache-control')).toMatch(/public/);
			expect(anonymous.headers.get('set-cookie')).toBeNull();
			const signedIn = await http(url, { cookie });
			expect(signedIn.status).toBe(200);
			expect(signedIn.headers.get('set-cookie')).toBeNull();
			expect(signedIn.headers.get('cache-control')).toMatch(/private/);
			expect(signedIn.headers.get('cache-control')).not.toMatch(/public/);
		}
		const page = await http('/unit', { cookie });
		expect(page.status).toBe(200);
		expect(page.headers.get('set-cookie')).toBeNull();
		expect(page.headers.get('cache-control')).toMatch(/private/);
	});

	it('makes the answer that clears a stale cookie private', async () => {
		const res = await http(publicUrls[0], { cookie: 'rl_session=stale.token' });
		expect(res.headers.get('set-cookie')).toMatch(/rl_session=;/);
		expect(res.headers.get('cache-control')).not.toMatch(/public/);
	});
});
