import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { acceptsGzip, handleCompression, shouldCompress } from '../../../src/lib/server/http/compression';

const page = 'x'.repeat(4096);
const request = (acceptEncoding?: string, method = 'GET') =>
	new Request('http://127.0.0.1/hasil', {
		method,
		headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}
	});
const answer = (type: string, body: string | null = page, extra: Record<string, string> = {}) =>
	new Response(body, { headers: { 'content-type': type, ...extra } });

describe('compression of answers', () => {
	it('reads Accept-Encoding, q=0 included', () => {
		expect(acceptsGzip('gzip, deflate, br')).toBe(true);
		expect(acceptsGzip('br;q=1, gzip;q=0.5')).toBe(true);
		expect(acceptsGzip('gzip;q=0')).toBe(false);
		expect(acceptsGzip('*')).toBe(true);
		expect(acceptsGzip('identity')).toBe(false);
		expect(acceptsGzip(null)).toBe(false);
	});

	it('compresses pages and JSON, not files, small answers, HEAD or a 304', () => {
		expect(shouldCompress(request('gzip'), answer('text/html; charset=utf-8'))).toBe(true);
		expect(shouldCompress(request('gzip'), answer('application/json'))).toBe(true);
		expect(shouldCompress(request('gzip'), answer('application/pdf'))).toBe(false);
		expect(shouldCompress(request('gzip'), answer('image/jpeg'))).toBe(false);
		expect(shouldCompress(request('gzip'), answer('text/html', 'ok', { 'content-length': '2' }))).toBe(false);
		expect(shouldCompress(request('gzip', 'HEAD'), answer('text/html'))).toBe(false);
		expect(shouldCompress(request('gzip'), new Response(null, { status: 304 }))).toBe(false);
		expect(shouldCompress(request(), answer('text/html'))).toBe(false);
		expect(shouldCompress(request('gzip'), answer('text/html', page, { 'content-encoding': 'br' }))).toBe(
			false
		);
	});

	it('sends the same bytes gzipped, keeps status and cookies, and says it varies', async () => {
		const original = new Response(page, { status: 400, headers: { 'content-type': 'text/html' } });
		original.headers.append('set-cookie', 'a=1; Path=/');
		original.headers.append('set-cookie', 'b=2; Path=/');
		const res = await handleCompression({
			event: { request: request('gzip') } as never,
			resolve: async () => original
		});
		expect(res.status).toBe(400);
		expect(res.headers.get('content-encoding')).toBe('gzip');
		expect(res.headers.get('vary')).toBe('Accept-Encoding');
		expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
		expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(page);

		const plain = await handleCompression({
			event: { request: request('identity') } as never,
			resolve: async () => answer('text/html')
		});
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(plain.headers.get('vary')).toBe('Accept-Encoding');
		expect(await plain.text()).toBe(page);
	});
});
