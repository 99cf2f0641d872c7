import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Tokens are "<id>.<secret>" as in the current Lucia guide: the id finds the row, and only the
// SHA-256 of the secret is stored, so a leaked database cannot be replayed as cookies.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

export function randomString(length = 24): string {
	const bytes = randomBytes(length);
	let out = '';
	for (let i = 0; i < length; i++) out += ALPHABET[bytes[i] >> 3];
	return out;
}

export function hashSecret(secret: string): Uint8Array {
	return new Uint8Array(createHash('sha256').update(secret).digest());
}

export function splitToken(token: string): { id: string; secret: string } | null {
	const parts = token.split('.');
	if (parts.length !== 2 || parts[0].length === 0 || parts[1].length === 0) return null;
	return { id: parts[0], secret: parts[1] };
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
	const candidate = hashSecret(secret);
	return candidate.length === storedHash.length && timingSafeEqual(candidate, storedHash);
}
