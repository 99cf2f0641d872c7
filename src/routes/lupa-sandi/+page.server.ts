import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { runForm } from '$lib/server/http/form-action';
import { emailField } from '$lib/server/http/form-fields';
import { mailConfigured } from '$lib/server/mail/mailer';
import { requestPasswordLink } from '$lib/server/invitations/password-reset.service';
import { PASSWORD_LINK_DAYS } from '$lib/server/invitations/password-link.service';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = () => ({ canMail: mailConfigured(), days: PASSWORD_LINK_DAYS });

const forgotForm = z.object({ email: emailField(m.forgot_email_invalid, m.forgot_email_invalid) });

export const actions: Actions = {
	default: async (event) => {
		const config = readConfig();
		const r = await runForm(
			await event.request.formData(),
			forgotForm,
			({ email }) =>
				requestPasswordLink(
					getDb(),
					{
						email,
						ip: event.getClientAddress(),
						rateLimits: config.rateLimits,
						origin: config.origin,
						timeZone: config.timeZone
					},
					new Date()
				),
			{ event }
		);
		if (!r.ok) return r.failure;
		return { values: r.values, sent: true };
	}
};
