import type { Db } from '../db/connection';
import { findUserByEmail } from './user.repository';
import { findThrottle, saveThrottle } from './login-throttle.repository';
import { hashIp } from './auth.service';
import { sendMails } from '../mail/mailer';
import { ACCOUNT_POLICY, IP_POLICY, afterFailure, lockRemaining } from '../../domain/auth/throttle';
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
	const keys = [`reset:email:${email}`, ...(input.rateLimits ? [`reset:ip:${hashIp(input.ip)}`] : [])];
	const states = await Promise.all(keys.map((k) => findThrottle(db, k)));
	const wait = Math.max(...states.map((s) => lockRemaining(s, now.getTime())));
	if (wait > 0) return { ok: false, retryAfterMs: wait };
	for (let i = 0; i < keys.length; i++) {
		const policy = keys[i].startsWith('reset:ip:') ? IP_POLICY : ACCOUNT_POLICY;
		await saveThrottle(db, { key: keys[i], ...afterFailure(states[i], now.getTime(), policy) });
	}
	const user = await findUserByEmail(db, email);
	if (!user || !user.active) return { ok: true };
	const issued = await issuePasswordLink(db, user.id, null, now);
	if (issued.ok) await sendMails([passwordLinkMail(issued.link, input.origin, input.timeZone)]);
	return { ok: true };
}
