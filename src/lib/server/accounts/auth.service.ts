import type { Db } from '../db/connection';
import { findPasswordHash, findUserByEmail, setPasswordHash } from './user.repository';
import { deleteExpiredSessions, deleteSessionsOfUser } from './session.repository';
import { auditTrail } from '../audit/audit.repository';
import { hashPassword, verifyPassword } from '../auth/password';
import { createSession } from '../auth/session';
import { noteFailure, noteSuccess, throttleKeys, throttleWait } from './password-throttle';

export { hashIp } from './password-throttle';
import { normalizeEmail, type SessionUser } from '../../domain/auth/user';
import { refuseWeakPassword } from './password-strength';
import { ok, refuse, refuseField, throttled, type ServiceResult } from '../service-result';
import { retryAfterSeconds } from '../../domain/auth/throttle';

/** The session of an account just signed in. */
export type SignedIn = { user: SessionUser; token: string; expiresAt: Date };

// A real argon2 hash of a random string: unknown accounts cost the same time as known ones.
let dummyHash: Promise<string> | undefined;

export async function signIn(
	db: Db,
	input: { email: string; password: string; ip: string; rateLimits: boolean },
	now: Date
): Promise<ServiceResult<SignedIn>> {
	const email = normalizeEmail(input.email);
	const keys = throttleKeys('sign_in', email, input.ip, input.rateLimits);
	const wait = await throttleWait(db, keys, now);
	if (wait > 0) {
		const seconds = retryAfterSeconds(wait);
		return throttled(refuse(429, 'srv_login_throttled', { seconds }), seconds);
	}

	const user = await findUserByEmail(db, email);
	const stored = user && user.active ? await findPasswordHash(db, user.id) : null;
	dummyHash ??= hashPassword(crypto.randomUUID());
	const valid = await verifyPassword(stored ?? (await dummyHash), input.password);
	if (!user || !stored || !valid) {
		await noteFailure(db, keys, now);
		// One answer for an unknown account and a wrong password: it names no account.
		return refuse(400, 'srv_login_invalid');
	}
	await noteSuccess(db, keys);
	// Expired sessions are never read again; each sign-in purges them so the table stays small.
	await deleteExpiredSessions(db, now);
	const session = await createSession(db, user.id, now);
	await auditTrail(db, user.id, now).record('sign_in', 'user', user.id);
	return ok({ user: { id: user.id, name: user.name, email: user.email, role: user.role }, ...session });
}

export async function changePassword(
	db: Db,
	input: {
		userId: number;
		email: string;
		current: string;
		next: string;
		keepSessionId: string;
		ip: string;
		rateLimits: boolean;
	},
	now: Date
): Promise<ServiceResult> {
	// A stolen session must not become an unlimited oracle for the account's password.
	const keys = throttleKeys('current_password', String(input.userId), input.ip, input.rateLimits);
	const wait = await throttleWait(db, keys, now);
	if (wait > 0) {
		const seconds = retryAfterSeconds(wait);
		return throttled(refuseField(429, 'current', 'srv_password_throttled', { seconds }), seconds);
	}
	const stored = await findPasswordHash(db, input.userId);
	if (!stored || !(await verifyPassword(stored, input.current))) {
		await noteFailure(db, keys, now);
		return refuseField(400, 'current', 'srv_password_current_wrong');
	}
	await noteSuccess(db, keys);
	const weak = refuseWeakPassword(input.next, input.email, 'next');
	if (weak) return weak;
	await setPasswordHash(db, input.userId, await hashPassword(input.next), now);
	// Other devices are signed out: a changed password must lock out whoever knew the old one.
	await deleteSessionsOfUser(db, input.userId, input.keepSessionId);
	await auditTrail(db, input.userId, now).record('change_password', 'user', input.userId);
	return ok(undefined);
}
