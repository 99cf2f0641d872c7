import { describe, expect, it } from 'vitest';
import { cleanFileName } from '../../../src/lib/domain/score-sheet';
import { sniffFileType } from '../../../src/lib/domain/files/sniff';

const bytes = (...xs: (number | string)[]) =>
	new Uint8Array(xs.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])));

describe('evidence type from content', () => {
	it('recognises JPEG, PNG, WebP and PDF by their signatures', () => {
		expect(sniffFileType(bytes(0xff, 0xd8, 0xff, 0xe1, 0, 0))).toBe('image/jpeg');
		expect(sniffFileType(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
		expect(sniffFileType(bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 '))).toBe('image/webp');
		expect(sniffFileType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
	});

	it('refuses everything else, including a RIFF that is not WebP and a truncated header', () => {
		expect(sniffFileType(bytes('<html><script>'))).toBeNull();
		expect(sniffFileType(bytes('RIFF', 0, 0, 0, 0, 'WAVEfmt '))).toBeNull();
		expect(sniffFileType(bytes(0xff, 0xd8))).toBeNull();
		expect(sniffFileType(bytes('GIF89a'))).toBeNull();
		expect(sniffFileType(new Uint8Array())).toBeNull();
	});

	it('keeps only the base name of an upload, without control characters', () => {
		expect(cleanFileName('C:\\foto\\papan "SP".jpg', 'image/jpeg')).toBe('papan SP.jpg');
		expect(cleanFileName('../../etc/passwd', 'application/pdf')).toBe('passwd');
		expect(cleanFileName('', 'image/png')).toBe('bukti.png');
	});
});
