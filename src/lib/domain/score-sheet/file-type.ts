import { withoutUnsafeCharacters } from '../text-safety';
// Evidence types are recognised from their first bytes, never from the file name or the
// browser's declared type: a renamed script stays a script.
export type EvidenceMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MAX_PER_INDICATOR = 10;

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

export function detectEvidenceType(bytes: Uint8Array): EvidenceMime | null {
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	// RIFF....WEBP
	if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
		return 'image/webp';
	if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
	return null;
}

export function isImage(mime: string): boolean {
	return mime.startsWith('image/');
}

export const EXTENSION_OF: Record<EvidenceMime, string> = {
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/webp': 'webp',
	'application/pdf': 'pdf'
};

/** A display name without path parts or control characters, at most 120 characters. */
export function cleanFileName(name: string, mime: EvidenceMime): string {
	const base = withoutUnsafeCharacters(name.split(/[\\/]/).pop() ?? '')
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f"<>]/g, '')
		.trim()
		.slice(0, 120);
	return base || `bukti.${EXTENSION_OF[mime]}`;
}
