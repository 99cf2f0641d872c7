import { describe, expect, it } from 'vitest';
import {
	CONTENT_TYPE,
	contentDisposition,
	fileResponse,
	pdfResponse
} from '../../src/lib/server/http/download';

describe('download headers', () => {
	it('names a plain file simply and adds filename* for other characters', () => {
		expect(contentDisposition('attachment', 'hasil-2025.csv')).toBe('attachment; filename="hasil-2025.csv"');
		expect(contentDisposition('inline', 'foto "ruang" tunggu ü.jpg')).toBe(
			`inline; filename="foto _ruang_ tunggu _.jpg"; filename*=UTF-8''${encodeURIComponent('foto "ruang" tunggu ü.jpg')}`
		);
		expect(contentDisposition('inline')).toBe('inline');
	});

	it('sets type, disposition, cache and extra headers, and copies the bytes', async () => {
		const bytes = new Uint8Array([1, 2, 3]);
		const r = fileResponse(bytes, 'image/png', {
			fileName: 'a.png',
			disposition: 'inline',
			cache: 'private, max-age=60',
			extra: { 'content-length': '3' }
		});
		expect(r.headers.get('content-type')).toBe('image/png');
		expect(r.headers.get('content-disposition')).toBe('inline; filename="a.png"');
		expect(r.headers.get('cache-control')).toBe('private, max-age=60');
		expect(r.headers.get('content-length')).toBe('3');
		expect(new Uint8Array(await r.arrayBuffer())).toEqual(bytes);
		const pdf = pdfResponse(bytes, 'rapor.pdf', { disposition: 'attachment' });
		expect(pdf.headers.get('content-type')).toBe(CONTENT_TYPE.pdf);
		expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="rapor.pdf"');
		expect(pdf.headers.has('cache-control')).toBe(false);
	});
});
