import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { signIn } from '$lib/server/accounts/auth.service';
import { setSessionCookie } from '$lib/server/auth/session';
import { safeNextPath } from '$lib/server/http/forms';
import { runForm } from '$lib/server/http/form-action';
import { emailField, passwordField } from '$lib/server/http/form-fields';
import { homePathFor } from '$lib/domain/auth/user';
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

// A wrong address or password and too many attempts are the form's problem (`_form`), never a
// field's: the answer must not say which of the two was wrong.
export const actions: Actions = {
	default: async (event) => {
		const { request, cookies, url, getClientAddress } = event;
		const { rateLimits } = readConfig();
		const r = await runForm(
			await request.formData(),
			loginForm,
			(input) => signIn(getDb(), { ...input, ip: getClientAddress(), rateLimits }, new Date()),
			{ event }
		);
		if (!r.ok) return r.failure;
		setSessionCookie(cookies, r.value.token, r.value.expiresAt, url.protocol === 'https:');
		redirect(303, safeNextPath(url.searchParams.get('next'), url.origin) ?? homePathFor(r.value.user.role));
	}
};
