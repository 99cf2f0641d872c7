import { createHash } from 'node:crypto';

// Verification codes of award certificates (README "Certificates"): derived from the period,
// the unit and the publication revision, so nothing is stored and a reprint carries the same
// code. The page /verifikasi/{code} recomputes the codes of the published winners and compares.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // 32 symbols, no 0/O or 1/I to misread
const LENGTH = 10;

export function certificateCode(periodCode: string, unitCode: string, revision: number): string {
	const digest = createHash('sha256')
		.update(`rapor-layanan:piagam:${periodCode}:${unitCode}:${revision}`)
		.digest();
	let out = '';
	for (let i = 0; i < LENGTH; i++) out += ALPHABET[digest[i] & 31];
	return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** A typed or scanned code in canonical form (case, spaces and dashes forgiven); null when malformed. */
export function normalizeCertificateCode(input: string): string | null {
	const plain = input.toUpperCase().replace(/[\s-]/g, '');
	if (plain.length !== LENGTH || [...plain].some((ch) => !ALPHABET.includes(ch))) return null;
	return `${plain.slice(0, 5)}-${plain.slice(5)}`;
}

export function certificateVerifyUrl(origin: string, code: string): string {
	return `${origin.replace(/\/$/, '')}/verifikasi/${code}`;
}
