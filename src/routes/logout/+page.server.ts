import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { clearSessionCookie, invalidateSession } from '$lib/server/auth/session';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies, url, request }) => {
		// Signing out takes no input, but the body is read to its end: answering before a large body
		// is consumed makes Node drop the connection, and the client sees a network error.
		await request.arrayBuffer().catch(() => undefined);
		if (locals.sessionId) await invalidateSession(getDb(), locals.sessionId);
		clearSessionCookie(cookies, url.protocol === 'https:');
		redirect(303, '/login');
	}
};
