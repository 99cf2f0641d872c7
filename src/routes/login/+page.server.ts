import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { signIn } from '$lib/server/accounts/auth.service';
import { setSessionCookie } from '$lib/server/auth/session';
import { parseForm, safeNextPath, type FieldErrors } from '$lib/server/http/forms';
import { emailField, passwordField } from '$lib/server/http/form-fields';
import { homePathFor } from '$lib/domain/auth/user';
import { retryAfterSeconds } from '$lib/domain/auth/throttle';
import { m } from '$lib/paraglide/messages';

// Something that is not an e-mail address names no account, so it is refused as input and never
// counts as a failed attempt in the per-address and per-IP throttles (README: sign-in throttling).
const loginForm = z.object({
	email: emailField(m.login_email_required, m.login_email_invalid),
	password: passwordField(m.login_password_required)
});

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user)
		redirect(303, safeNextPath(url.searchParams.get('next'), url.origin) ?? homePathFor(locals.user.role));
	const reason = url.searchParams.get('reason');
	return {
		notice:
			reason === 'expired' || locals.sessionExpired
				? m.login_session_expired()
				: url.searchParams.has('next')
					? m.login_required()
					: null
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress, setHeaders }) => {
		const form = parseForm(loginForm, await request.formData());
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors, message: null });
		const config = readConfig();
		const result = await signIn(
			getDb(),
			{ ...form.data, ip: getClientAddress(), rateLimits: config.rateLimits },
			new Date()
		);
		if (!result.ok) {
			if (result.reason === 'throttled') {
				const seconds = retryAfterSeconds(result.retryAfterMs);
				setHeaders({ 'retry-after': String(seconds) });
				return fail(429, {
					values: form.values,
					errors: {} as FieldErrors,
					message: m.login_throttled({ seconds })
				});
			}
			return fail(400, { values: form.values, errors: {} as FieldErrors, message: m.login_invalid() });
		}
		setSessionCookie(cookies, result.token, result.expiresAt, url.protocol === 'https:');
		redirect(303, safeNextPath(url.searchParams.get('next'), url.origin) ?? homePathFor(result.user.role));
	}
};
