import type { Db } from '../db/connection';
import { findUserByEmail } from '../accounts/user.repository';
import { noteFailure, throttleKeys, throttleWait } from '../accounts/password-throttle';
import { mailConfigured, sendMails } from '../mail/mailer';
import { ok, refuse, throttled, type ServiceResult } from '../service-result';
import { retryAfterSeconds } from '../../domain/auth/throttle';
import { normalizeEmail } from '../../domain/auth/user';
import { issuePasswordLink } from './password-link.service';
import { passwordLinkMail } from './password-link-mail';

/**
 * "Lupa kata sandi?": mails a set-password link to an active account. The answer is the same
 * whether or not the address exists, so the form cannot be used to list accounts; every request
 * counts against the same per-address and per-IP limits as failed sign-ins. Without mail
 * (SMTP_URL) nothing can be sent, and the request is refused before it counts.
 */
export async function requestPasswordLink(
	db: Db,
	input: { email: string; ip: string; rateLimits: boolean; origin: string; timeZone: string },
	now: Date
): Promise<ServiceResult> {
	if (!mailConfigured()) return refuse(400, 'srv_forgot_no_mail');
	const email = normalizeEmail(input.email);
	const keys = throttleKeys('password_link', email, input.ip, input.rateLimits);
	const wait = await throttleWait(db, keys, now);
	if (wait > 0) {
		const seconds = retryAfterSeconds(wait);
		const minutes = Math.max(1, Math.ceil(seconds / 60));
		return throttled(refuse(429, 'srv_forgot_throttled', { minutes }), seconds);
	}
	await noteFailure(db, keys, now);
	const user = await findUserByEmail(db, email);
	if (!user || !user.active) return ok(undefined);
	const issued = await issuePasswordLink(db, user.id, null, now);
	if (issued.ok) await sendMails([passwordLinkMail(issued.value, input.origin, input.timeZone)]);
	return ok(undefined);
}
