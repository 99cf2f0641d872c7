import type { Db } from '../db/connection';
import { findUserByEmail } from '../accounts/user.repository';
import { noteFailure, throttleKeys, throttleWait } from '../accounts/password-throttle';
import { sendMails } from '../mail/mailer';
import { normalizeEmail } from '../../domain/auth/user';
import { issuePasswordLink } from './password-link.service';
import { passwordLinkMail } from './password-link-mail';

export type ResetRequestResult = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * "Lupa kata sandi?": mails a set-password link to an active account. The answer is the same
 * whether or not the address exists, so the form cannot be used to list accounts; every request
 * counts against the same per-address and per-IP limits as failed sign-ins.
 */
export async function requestPasswordLink(
	db: Db,
	input: { email: string; ip: string; rateLimits: boolean; origin: string; timeZone: string },
	now: Date
): Promise<ResetRequestResult> {
	const email = normalizeEmail(input.email);
	const keys = throttleKeys('password_link', email, input.ip, input.rateLimits);
	const wait = await throttleWait(db, keys, now);
	if (wait > 0) return { ok: false, retryAfterMs: wait };
	await noteFailure(db, keys, now);
	const user = await findUserByEmail(db, email);
	if (!user || !user.active) return { ok: true };
	const issued = await issuePasswordLink(db, user.id, null, now);
	if (issued.ok) await sendMails([passwordLinkMail(issued.link, input.origin, input.timeZone)]);
	return { ok: true };
}
