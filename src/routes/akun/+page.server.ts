import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import type { FieldErrors } from '$lib/server/http/forms';
import { runForm } from '$lib/server/http/form-action';
import { passwordField, passwordTwice } from '$lib/server/http/form-fields';
import { changePassword } from '$lib/server/accounts/auth.service';
import { m } from '$lib/paraglide/messages';
import { readConfig } from '$lib/server/config';

const passwordForm = passwordTwice(
	{ current: passwordField(m.login_password_required), next: passwordField() },
	'next',
	m.account_password_mismatch
);

export const load: PageServerLoad = (event) => {
	requireUser(event);
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const r = await runForm(
			await event.request.formData(),
			passwordForm,
			({ current, next }) =>
				changePassword(
					getDb(),
					{
						userId: user.id,
						email: user.email,
						current,
						next,
						keepSessionId: event.locals.sessionId ?? '',
						ip: event.getClientAddress(),
						rateLimits: readConfig().rateLimits
					},
					new Date()
				),
			{ event }
		);
		if (!r.ok) return r.failure;
		return { errors: {} as FieldErrors, success: true };
	}
};
