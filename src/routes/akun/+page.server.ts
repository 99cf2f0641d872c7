import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { parseForm, type FieldErrors } from '$lib/server/http/forms';
import { passwordField, passwordTwice } from '$lib/server/http/form-fields';
import { changePassword } from '$lib/server/accounts/auth.service';
import { ROLE_LABELS } from '$lib/domain/auth/user';
import { m } from '$lib/paraglide/messages';
import { readConfig } from '$lib/server/config';
import { retryAfterSeconds } from '$lib/domain/auth/throttle';

const passwordForm = passwordTwice(
	{ current: passwordField(m.login_password_required), next: passwordField() },
	'next',
	m.account_password_mismatch
);

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { roleLabel: ROLE_LABELS[user.role] };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = parseForm(passwordForm, await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors, success: false });
		const result = await changePassword(
			getDb(),
			{
				userId: user.id,
				email: user.email,
				current: form.data.current,
				next: form.data.next,
				keepSessionId: event.locals.sessionId ?? '',
				ip: event.getClientAddress(),
				rateLimits: readConfig().rateLimits
			},
			new Date()
		);
		if (!result.ok && result.field === 'throttled') {
			const seconds = retryAfterSeconds(result.retryAfterMs);
			event.setHeaders({ 'retry-after': String(seconds) });
			return fail(429, {
				errors: { current: m.account_throttled({ seconds }) } as FieldErrors,
				success: false
			});
		}
		if (!result.ok)
			return fail(400, { errors: { [result.field]: result.message } as FieldErrors, success: false });
		return { errors: {} as FieldErrors, success: true };
	}
};
