import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { parseForm } from '$lib/server/http/forms';
import { emailField } from '$lib/server/http/form-fields';
import { mailConfigured } from '$lib/server/mail/mailer';
import { requestPasswordLink } from '$lib/server/invitations/password-reset.service';
import { PASSWORD_LINK_DAYS } from '$lib/server/invitations/password-link.service';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = () => ({ canMail: mailConfigured(), days: PASSWORD_LINK_DAYS });

const forgotForm = z.object({ email: emailField(m.forgot_email_invalid, m.forgot_email_invalid) });

export const actions: Actions = {
	default: async ({ request, getClientAddress }) => {
		// The body is read even when nothing can be mailed: answering before a large body is consumed
		// makes Node drop the connection, and the client sees a network error instead of the message.
		const data = await request.formData();
		if (!mailConfigured())
			return fail(400, { values: {} as Record<string, string>, error: m.forgot_no_mail(), sent: false });
		const form = parseForm(forgotForm, data);
		if (!form.ok) return fail(400, { values: form.values, error: form.errors.email, sent: false });
		const config = readConfig();
		const result = await requestPasswordLink(
			getDb(),
			{
				email: form.data.email,
				ip: getClientAddress(),
				rateLimits: config.rateLimits,
				origin: config.origin,
				timeZone: config.timeZone
			},
			new Date()
		);
		if (!result.ok)
			return fail(429, {
				values: form.values,
				error: m.forgot_throttled({ minutes: Math.max(1, Math.ceil(result.retryAfterMs / 60_000)) }),
				sent: false
			});
		return { values: form.values, error: null, sent: true };
	}
};
