import { m } from '$lib/paraglide/messages';
import { formatDateTime } from '../../domain/format';
import type { Mail } from '../mail/mailer';
import { passwordLinkUrl, type IssuedLink } from './password-link.service';

// The recipient's language is unknown, so the mail carries both (Indonesian first).
export function passwordLinkMail(link: IssuedLink, origin: string, timeZone: string): Mail {
	const body = (locale: 'id' | 'en') =>
		m.mail_link_body(
			{
				name: link.user.name,
				email: link.user.email,
				until: formatDateTime(link.expiresAt, locale, timeZone),
				url: passwordLinkUrl(origin, link.token)
			},
			{ locale }
		);
	return {
		to: link.user.email,
		subject: m.mail_link_subject({}, { locale: 'id' }),
		text: `${body('id')}\n\n---\n\n${body('en')}`
	};
}
