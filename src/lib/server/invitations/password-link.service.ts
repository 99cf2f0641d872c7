import type { Db } from '../db/connection';
import {
	ok,
	refuse,
	refuseProblems,
	refusalText,
	type ProblemsRefusal,
	type Refusal,
	type ServiceResult
} from '../service-result';
import { findUserById, setPasswordHash } from '../accounts/user.repository';
import { deleteSessionsOfUser } from '../accounts/session.repository';
import { auditTrail } from '../audit/audit.repository';
import { hashPassword } from '../auth/password';
import { hashSecret, randomString, secretMatches, splitToken } from '../auth/session-token';
import { refuseWeakPassword } from '../accounts/password-strength';
import { normalizeEmail, type SessionUser } from '../../domain/auth/user';
import {
	deleteUnusedLinksOfUser,
	findInviteesByEmail,
	findPasswordLink,
	insertPasswordLink,
	listActiveUsersWithoutPassword,
	markPasswordLinkUsed,
	type InviteeRow
} from './password-link.repository';

// Set-password links (README "Accounts by invitation"): valid 7 days, single use, stored as a
// hash of the secret like sessions, so a copy of the database cannot be turned into links.
export const PASSWORD_LINK_DAYS = 7;
const LIFETIME_MS = PASSWORD_LINK_DAYS * 24 * 60 * 60_000;

export interface IssuedLink {
	user: Pick<InviteeRow, 'id' | 'name' | 'email' | 'role'>;
	token: string;
	expiresAt: Date;
}

export type LinkState = 'valid' | 'used' | 'expired' | 'unknown';

export function passwordLinkUrl(origin: string, token: string): string {
	return `${origin.replace(/\/$/, '')}/sandi/${token}`;
}

async function issue(
	db: Db,
	user: IssuedLink['user'],
	actorId: number | null,
	now: Date
): Promise<IssuedLink> {
	const id = randomString();
	const secret = randomString();
	const expiresAt = new Date(now.getTime() + LIFETIME_MS);
	await db.transaction().execute(async (trx) => {
		await deleteUnusedLinksOfUser(trx, user.id);
		await insertPasswordLink(trx, { id, userId: user.id, secretHash: hashSecret(secret), expiresAt }, now);
		await auditTrail(trx, actorId, now).record('create_password_link', 'user', user.id);
	});
	return {
		user: { id: user.id, name: user.name, email: user.email, role: user.role },
		token: `${id}.${secret}`,
		expiresAt
	};
}

/** One link for one account; refused for unknown and deactivated accounts. */
export async function issuePasswordLink(
	db: Db,
	userId: number,
	actorId: number | null,
	now: Date
): Promise<ServiceResult<IssuedLink>> {
	const user = await findUserById(db, userId);
	if (!user) return refuse(404, 'srv_invite_unknown');
	if (!user.active) return refuse(400, 'srv_invite_inactive');
	return ok(await issue(db, user, actorId, now));
}

/** Links for every active account that cannot sign in yet (bulk invitation). */
export async function issueLinksForAccountsWithoutPassword(
	db: Db,
	actorId: number | null,
	now: Date
): Promise<IssuedLink[]> {
	const links: IssuedLink[] = [];
	for (const user of await listActiveUsersWithoutPassword(db))
		links.push(await issue(db, user, actorId, now));
	return links;
}

/** Links for the named accounts; every unknown or deactivated address is reported and nothing is issued. */
export async function issueLinksByEmail(
	db: Db,
	emails: string[],
	actorId: number | null,
	now: Date
): Promise<ServiceResult<IssuedLink[], ProblemsRefusal>> {
	const wanted = [...new Set(emails.map(normalizeEmail))];
	const found = new Map((await findInviteesByEmail(db, wanted)).map((u) => [u.email, u]));
	const problems = wanted.flatMap((email) => {
		const u = found.get(email);
		if (!u) return [refusalText('srv_invite_email_unknown', { email })];
		return u.active ? [] : [refusalText('srv_invite_email_inactive', { email })];
	});
	if (problems.length) return refuseProblems(400, problems);
	const links: IssuedLink[] = [];
	for (const email of wanted) links.push(await issue(db, found.get(email)!, actorId, now));
	return ok(links);
}

async function openLink(db: Db, token: string, now: Date) {
	const parts = splitToken(token);
	const stored = parts ? await findPasswordLink(db, parts.id) : null;
	if (!parts || !stored || !secretMatches(parts.secret, stored.secretHash))
		return { state: 'unknown' as const };
	if (stored.usedAt) return { state: 'used' as const };
	if (stored.expiresAt.getTime() <= now.getTime()) return { state: 'expired' as const };
	const user = await findUserById(db, stored.userId);
	if (!user || !user.active) return { state: 'unknown' as const };
	return { state: 'valid' as const, stored, user };
}

export async function inspectPasswordLink(
	db: Db,
	token: string,
	now: Date
): Promise<{ state: LinkState; user?: { name: string; email: string } }> {
	const opened = await openLink(db, token, now);
	if (opened.state !== 'valid') return { state: opened.state };
	return { state: 'valid', user: { name: opened.user.name, email: opened.user.email } };
}

/** Why a link cannot be used, in the reader's language (410: ask for a new one). */
export function unusableLink(state: Exclude<LinkState, 'valid'>): Refusal {
	if (state === 'used') return refuse(410, 'srv_link_used');
	if (state === 'expired') return refuse(410, 'srv_link_expired', { days: PASSWORD_LINK_DAYS });
	return refuse(410, 'srv_link_unknown');
}

/** Sets the password once; other sessions of the account end, as with every password change. */
export async function setPasswordByLink(
	db: Db,
	token: string,
	password: string,
	now: Date
): Promise<ServiceResult<SessionUser>> {
	const opened = await openLink(db, token, now);
	if (opened.state !== 'valid') return unusableLink(opened.state);
	const weak = refuseWeakPassword(password, opened.user.email, 'password');
	if (weak) return weak;
	const hash = await hashPassword(password);
	const used = await db.transaction().execute(async (trx) => {
		if (!(await markPasswordLinkUsed(trx, opened.stored.id, now))) return false;
		await setPasswordHash(trx, opened.user.id, hash, now);
		await deleteSessionsOfUser(trx, opened.user.id);
		await auditTrail(trx, opened.user.id, now).record('set_password_by_link', 'user', opened.user.id);
		return true;
	});
	if (!used) return unusableLink('used');
	const u = opened.user;
	return ok({ id: u.id, name: u.name, email: u.email, role: u.role });
}
