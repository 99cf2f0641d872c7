import { m } from '$lib/paraglide/messages';
import { formatDateTimeId } from '../../domain/format';
import type { Mail } from '../mail/mailer';
import { passwordLinkUrl, type IssuedLink } from './password-link.service';

// The recipient's language is unknown, so the mail carries both (Indonesian first).
export function passwordLinkMail(link: IssuedLink, origin: string, timeZone: string): Mail {
	const params = {
		name: link.user.name,
		email: link.user.email,
		until: formatDateTimeId(link.expiresAt, timeZone),
		url: passwordLinkUrl(origin, link.token)
	};
	return {
		to: link.user.email,
		subject: m.mail_link_subject({}, { locale: 'id' }),
		text: `${m.mail_link_body(params, { locale: 'id' })}\n\n---\n\n${m.mail_link_body(params, { locale: 'en' })}`
	};
}
