// What a file is, judged by its first bytes (never by its name or the browser's claim).

export type SniffedType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

export function sniffImageOrPdf(bytes: Uint8Array): SniffedType | null {
	const b = bytes;
	if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
	if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x))
		return 'image/png';
	const ascii = (from: number, to: number) => String.fromCharCode(...b.slice(from, to));
	if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
	if (b.length >= 5 && ascii(0, 5) === '%PDF-') return 'application/pdf';
	return null;
}
