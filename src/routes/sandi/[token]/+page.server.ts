import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { runForm } from '$lib/server/http/form-action';
import { passwordField, passwordTwice } from '$lib/server/http/form-fields';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import {
	inspectPasswordLink,
	setPasswordByLink,
	unusableLink
} from '$lib/server/invitations/password-link.service';
import { homePathFor } from '$lib/domain/auth/user';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ params }) => {
	const link = await inspectPasswordLink(getDb(), params.token, new Date());
	return {
		account: link.user ?? null,
		problem: link.state === 'valid' ? null : unusableLink(link.state).message
	};
};

const linkForm = passwordTwice({ password: passwordField() }, 'password', m.link_mismatch);

export const actions: Actions = {
	// A link that cannot be used is the page's problem (410, `_form`); a weak password is the field's.
	default: async ({ params, request, cookies, url }) => {
		const db = getDb();
		const now = new Date();
		const r = await runForm(await request.formData(), linkForm, ({ password }) =>
			setPasswordByLink(db, params.token, password, now)
		);
		if (!r.ok) return r.failure;
		// Whoever holds the link has just proven control of the account: sign them in.
		const session = await createSession(db, r.value.id, now);
		setSessionCookie(cookies, session.token, session.expiresAt, url.protocol === 'https:');
		redirect(303, homePathFor(r.value.role));
	}
};
