import type { Db } from '../db/connection';
import { ok, type ServiceResult } from '../service-result';
import { mailConfigured, sendMails } from '../mail/mailer';
import { displayLocale, roleLabel } from '$lib/i18n/display';
import { formatDateTime } from '../../domain/format';
import { passwordLinkMail } from './password-link-mail';
import {
	issueLinksForAccountsWithoutPassword,
	issuePasswordLink,
	passwordLinkUrl,
	type IssuedLink
} from './password-link.service';

// The office's invitations page: links are made, e-mailed when SMTP_URL is set, and returned
// once as a printable list (only their hashes are stored, so they cannot be shown again).
export interface InvitationRow {
	name: string;
	email: string;
	role: string;
	url: string;
	until: string;
}

export interface InvitationBatch {
	rows: InvitationRow[];
	mail: 'sent' | 'off' | { failed: string };
}

async function deliver(links: IssuedLink[], origin: string, timeZone: string): Promise<InvitationBatch> {
	const rows = links.map((l) => ({
		name: l.user.name,
		email: l.user.email,
		// The printable list speaks the administrator's language (request locale, hooks.server.ts).
		role: roleLabel(l.user.role),
		url: passwordLinkUrl(origin, l.token),
		until: formatDateTime(l.expiresAt, displayLocale(), timeZone)
	}));
	if (!mailConfigured() || links.length === 0) return { rows, mail: 'off' };
	try {
		await sendMails(links.map((l) => passwordLinkMail(l, origin, timeZone)));
		return { rows, mail: 'sent' };
	} catch (e) {
		return { rows, mail: { failed: (e as Error).message.slice(0, 200) } };
	}
}

export async function inviteOne(
	db: Db,
	userId: number,
	actorId: number,
	ctx: { origin: string; timeZone: string },
	now: Date
): Promise<ServiceResult<InvitationBatch>> {
	const issued = await issuePasswordLink(db, userId, actorId, now);
	if (!issued.ok) return issued;
	return ok(await deliver([issued.value], ctx.origin, ctx.timeZone));
}

export async function inviteAllWithoutPassword(
	db: Db,
	actorId: number,
	ctx: { origin: string; timeZone: string },
	now: Date
): Promise<InvitationBatch> {
	return deliver(await issueLinksForAccountsWithoutPassword(db, actorId, now), ctx.origin, ctx.timeZone);
}
