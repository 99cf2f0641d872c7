import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/http/forms';
import { passwordField, passwordTwice } from '$lib/server/http/form-fields';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import {
	PASSWORD_LINK_DAYS,
	inspectPasswordLink,
	setPasswordByLink,
	type SetPasswordByLinkResult
} from '$lib/server/invitations/password-link.service';
import { homePathFor } from '$lib/domain/auth/user';
import { m } from '$lib/paraglide/messages';

type Refusal = Extract<SetPasswordByLinkResult, { ok: false }>['code'];

function refusalText(code: Refusal): string {
	switch (code) {
		case 'used':
			return m.link_used();
		case 'expired':
			return m.link_expired({ days: PASSWORD_LINK_DAYS });
		case 'unknown':
			return m.link_unknown();
		case 'too_short':
			return m.link_too_short();
		case 'too_common':
			return m.link_too_common();
	}
}

export const load: PageServerLoad = async ({ params }) => {
	const link = await inspectPasswordLink(getDb(), params.token, new Date());
	return {
		account: link.user ?? null,
		problem: link.state === 'valid' ? null : refusalText(link.state)
	};
};

const linkForm = passwordTwice({ password: passwordField() }, 'password', m.link_mismatch);

export const actions: Actions = {
	default: async ({ params, request, cookies, url }) => {
		const form = parseForm(linkForm, await request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const db = getDb();
		const now = new Date();
		const result = await setPasswordByLink(db, params.token, form.data.password, now);
		if (!result.ok) {
			const field = result.status === 410 ? '_form' : 'password';
			return fail(result.status, { errors: { [field]: refusalText(result.code) } });
		}
		// Whoever holds the link has just proven control of the account: sign them in.
		const session = await createSession(db, result.user.id, now);
		setSessionCookie(cookies, session.token, session.expiresAt, url.protocol === 'https:');
		redirect(303, homePathFor(result.user.role));
	}
};
