import { request, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { baseURL } from './support/browser';
import { DEMO, http, httpSignIn, visitOf } from './support/http';

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

describe('bodies that cannot be read', () => {
	const form = { 'content-type': 'application/x-www-form-urlencoded' };

	it('answers 415 for a text/plain form post and 400 for a broken multipart boundary', async () => {
		const admin = await httpSignIn(DEMO.admin);
		const plain = await http('/admin/pengguna/baru', {
			cookie: admin,
			body: 'email=x@y.id',
			headers: { 'content-type': 'text/plain' }
		});
		expect(plain.status).toBe(415);
		const broken = await http('/admin/kategori?/save', {
			cookie: admin,
			body: '--nope\r\ncontent-disposition: form-data; name="name"\r\n\r\nx',
			headers: { 'content-type': 'multipart/form-data; boundary=other' }
		});
		expect(broken.status).toBe(400);
		expect(await broken.text()).toMatch(/tidak dapat dibaca/);
		const login = await http('/login', { body: 'a', headers: { 'content-type': 'text/plain' } });
		expect(login.status).toBe(415);
		const json = await http('/login', {
			body: 'a',
			headers: { 'content-type': 'text/plain', accept: 'application/json' }
		});
		expect(json.status).toBe(415);
	});

	it('answers 404 for the reserved action name', async () => {
		const res = await http('/login?/default', {
			body: new URLSearchParams({ email: 'a', password: 'b' }),
			headers: form
		});
		expect(res.status).toBe(404);
	});

	it('answers 413 for a 13 MB upload or autosave', async () => {
		const cookie = await httpSignIn(DEMO.assessor);
		const visit = visitOf(DEMO.assessor);
		const big = new Uint8Array(13 * 1024 * 1024);
		const upload = new FormData();
		upload.set('indicator', 'x');
		upload.set('file', new Blob([big], { type: 'image/jpeg' }), 'besar.jpg');
		const evidence = await http(`/penilaian/${visit}/bukti`, { cookie, body: upload });
		expect(evidence.status).toBe(413);
		const save = await http(`/penilaian/${visit}/simpan`, {
			cookie,
			body: JSON.stringify({ version: 1, values: { x: 'a'.repeat(13 * 1024 * 1024) } }),
			headers: { 'content-type': 'application/json' }
		});
		expect(save.status).toBe(413);
	});
});

describe('page numbers', () => {
	it('answers every paged list with a huge, exponent or negative page without a 5xx', async () => {
		const admin = await httpSignIn(DEMO.admin);
		const lists = [
			'/admin/pengguna',
			'/admin/unit',
			'/admin/audit',
			'/admin/kunjungan',
			'/admin/periode/MPP-2026/jadwal',
			'/admin/periode/MPP-2025/hasil',
			'/admin/periode/MPP-2026/review',
			'/admin/survei/MPP-2025/saran',
			'/pembinaan'
		];
		for (const list of lists)
			for (const hal of ['99999999999999999999', '1e20', '-5', '2.5', '%00']) {
				const res = await http(`${list}?hal=${hal}&page=${hal}&selisih=${hal}`, { cookie: admin });
				expect(`${list} ${hal} ${res.status}`).toBe(`${list} ${hal} 200`);
			}
	});

	it('shows the last page of a list for a page past its end, whichever list it is', async () => {
		const admin = await httpSignIn(DEMO.admin);
		const body = async (path: string) => {
			const res = await http(path, { cookie: admin });
			expect(`${path} ${res.status}`).toBe(`${path} 200`);
			return res.text();
		};
		const rowsOf = (html: string) => /<tbody[\s\S]*?<\/tbody>/.exec(html)?.[0] ?? '';
		for (const list of ['/admin/kunjungan', '/admin/pengguna', '/admin/unit', '/admin/audit']) {
			const pages = Number(/Halaman 1 dari (\d+)/.exec(await body(list))?.[1] ?? 1);
			const last = await body(`${list}?hal=${pages}`);
			const beyond = await body(`${list}?hal=${pages + 50}`);
			expect(rowsOf(last), list).toContain('<tr');
			expect(rowsOf(beyond), list).toBe(rowsOf(last));
			if (pages > 1) expect(beyond, list).toContain(`Halaman ${pages} dari ${pages}`);
		}
	});
});

describe('password throttling', () => {
	const form = (fields: Record<string, string>) => ({
		body: new URLSearchParams(fields),
		headers: { 'content-type': 'application/x-www-form-urlencoded' }
	});

	it('answers repeated wrong sign-ins with 429 and Retry-After, and the owner still signs in', async () => {
		const wrong = form({ email: DEMO.otherAssessor, password: 'salah-sekali-123' });
		for (let i = 0; i < 4; i++) expect((await http('/login', wrong)).status).toBe(400);
		const throttled = await http('/login', wrong);
		expect(throttled.status).toBe(429);
		expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
		const asJson = await http('/login', {
			...wrong,
			headers: { ...wrong.headers, accept: 'application/json' }
		});
		expect(asJson.status).toBe(429);
		expect(Number(asJson.headers.get('retry-after'))).toBeGreaterThan(0);
	});

	it('throttles the current-password check on /akun with Retry-After', async () => {
		const cookie = await httpSignIn(DEMO.head);
		const wrong = {
			cookie,
			...form({ current: 'bukan-sandinya', next: 'gula-aren-manis-99', confirm: 'gula-aren-manis-99' })
		};
		for (let i = 0; i < 4; i++) expect((await http('/akun', wrong)).status).toBe(400);
		const throttled = await http('/akun', wrong);
		expect(throttled.status).toBe(429);
		expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
	});
});

describe('compression', () => {
	/** The bytes as they travel (node:http does not decompress), and the answer's headers. */
	const raw = (path: string, acceptEncoding?: string) =>
		new Promise<{ bytes: Buffer; headers: IncomingHttpHeaders }>((resolve, reject) => {
			const req = request(`${baseURL()}${path}`, {
				headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}
			});
			req.on('response', (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => resolve({ bytes: Buffer.concat(chunks), headers: res.headers }));
			});
			req.on('error', reject);
			req.end();
		});

	it('gzips pages and JSON for a client that accepts it, and sends the same page', async () => {
		for (const path of ['/hasil/MPP-2025', '/api/v1/periods/MPP-2025/results']) {
			const plain = await raw(path);
			const zipped = await raw(path, 'gzip, deflate, br');
			expect(plain.headers['content-encoding']).toBeUndefined();
			expect(zipped.headers['content-encoding']).toBe('gzip');
			expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
			expect(zipped.bytes.length).toBeLessThan(plain.bytes.length / 3);
			const text = gunzipSync(zipped.bytes).toString();
			// The page carries a fresh CSP nonce per answer; everything else is the same.
			const nonceless = (html: string) => html.replace(/nonce[-=]"?[A-Za-z0-9+/=_-]+/g, 'nonce');
			expect(nonceless(text)).toBe(nonceless(plain.bytes.toString()));
		}
	});
});
