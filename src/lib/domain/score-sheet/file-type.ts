import { withoutUnsafeCharacters } from '../text-safety';
import type { SniffedType } from '../files/sniff';

// Evidence is any file the one sniffer (domain/files/sniff.ts) recognises.
export type EvidenceMime = SniffedType;

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MAX_PER_INDICATOR = 10;

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
