// Signed single-use form token: the duplicate guard of the survey (docs/rules.md §6), not the IP address.
// Format: v1.<unitId>.<nonce>.<issuedAt base36>.<mac>, mac = HMAC-SHA-256(key, "unit|nonce|issuedAt")
// in base64url. The nonce is recorded on use, so a token counts once; the mac stops forgeries.
// The HMAC itself comes from the caller (node:crypto on the server): crypto is not hand-written.

/** HMAC-SHA-256 of a message under the survey key, as base64url. */
export type FormTokenMac = (message: string) => string;

export const FORM_TOKEN_MAX_AGE_MS = 12 * 3600 * 1000;
const NONCE = /^[A-Za-z0-9_-]{16,64}$/;

export interface FormTokenClaims {
	unitId: number;
	nonce: string;
	issuedAt: number;
}

export type FormTokenCheck =
	| { ok: true; claims: FormTokenClaims }
	| { ok: false; reason: 'malformed' | 'forged' | 'other_unit' | 'expired' };

function macOf(sign: FormTokenMac, c: FormTokenClaims): string {
	return sign(`${c.unitId}|${c.nonce}|${c.issuedAt}`);
}

/** `nonce` must be random (at least 16 base64url characters); time and randomness come from the caller. */
export function signFormToken(sign: FormTokenMac, claims: FormTokenClaims): string {
	if (!NONCE.test(claims.nonce)) throw new RangeError('nonce harus 16-64 karakter base64url');
	return ['v1', claims.unitId, claims.nonce, claims.issuedAt.toString(36), macOf(sign, claims)].join('.');
}

function constantTimeEqual(a: string, b: string): boolean {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
	return diff === 0;
}

export function verifyFormToken(
	sign: FormTokenMac,
	token: string,
	expected: { unitId: number; now: number; maxAgeMs?: number }
): FormTokenCheck {
	const parts = token.split('.');
	if (parts.length !== 5 || parts[0] !== 'v1') return { ok: false, reason: 'malformed' };
	const unitId = Number(parts[1]);
	const issuedAt = parseInt(parts[3], 36);
	if (!/^\d{1,12}$/.test(parts[1]) || !NONCE.test(parts[2]) || !/^[0-9a-z]{1,12}$/.test(parts[3]))
		return { ok: false, reason: 'malformed' };
	const claims = { unitId, nonce: parts[2], issuedAt };
	if (!constantTimeEqual(macOf(sign, claims), parts[4])) return { ok: false, reason: 'forged' };
	if (unitId !== expected.unitId) return { ok: false, reason: 'other_unit' };
	const age = expected.now - issuedAt;
	// a little clock slack either way; older tokens are refused so used nonces can be forgotten
	if (age > (expected.maxAgeMs ?? FORM_TOKEN_MAX_AGE_MS) || age < -60_000)
		return { ok: false, reason: 'expired' };
	return { ok: true, claims };
}
