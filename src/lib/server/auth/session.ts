import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db/connection';
import {
	deleteSession,
	findSessionById,
	insertSession,
	updateSessionExpiry
} from '../accounts/session.repository';
import { findUserById, toSessionUser } from '../accounts/user.repository';
import type { SessionUser } from '../../domain/auth/user';
import { hashSecret, randomString, secretMatches, splitToken } from './session-token';

export const SESSION_COOKIE = 'rl_session';
const LIFETIME_MS = 7 * 24 * 60 * 60_000;
// Sliding expiry: a session used in its second half is extended to a full lifetime again.
const RENEW_WHEN_LEFT_MS = LIFETIME_MS / 2;

export interface ValidSession {
	id: string;
	user: SessionUser;
	expiresAt: Date;
	/** The sliding expiry moved: only then does the cookie need sending again. */
	renewed: boolean;
}

export async function createSession(
	db: Db,
	userId: number,
	now: Date
): Promise<{ token: string; expiresAt: Date }> {
	const id = randomString();
	const secret = randomString();
	const expiresAt = new Date(now.getTime() + LIFETIME_MS);
	await insertSession(db, { id, userId, secretHash: hashSecret(secret), expiresAt }, now);
	return { token: `${id}.${secret}`, expiresAt };
}

export async function validateSessionToken(db: Db, token: string, now: Date): Promise<ValidSession | null> {
	const parts = splitToken(token);
	if (!parts) return null;
	const stored = await findSessionById(db, parts.id);
	if (!stored || !secretMatches(parts.secret, stored.secretHash)) return null;
	if (stored.expiresAt.getTime() <= now.getTime()) {
		await deleteSession(db, stored.id);
		return null;
	}
	const user = await findUserById(db, stored.userId);
	if (!user || !user.active) {
		await deleteSession(db, stored.id);
		return null;
	}
	let expiresAt = stored.expiresAt;
	const renewed = expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT_MS;
	if (renewed) {
		expiresAt = new Date(now.getTime() + LIFETIME_MS);
		await updateSessionExpiry(db, stored.id, expiresAt);
	}
	return { id: stored.id, user: toSessionUser(user), expiresAt, renewed };
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await deleteSession(db, sessionId);
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date, secure: boolean): void {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure,
		path: '/',
		expires: expiresAt
	});
}

export function clearSessionCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
