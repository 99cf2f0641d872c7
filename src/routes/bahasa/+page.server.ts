import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime';
import { parseForm, safeNextPath } from '$lib/server/http/forms';

export const load: PageServerLoad = () => redirect(303, '/');

const languageForm = z.object({
	locale: z.string().refine(isLocale),
	back: z.string().max(2000).optional().default('/')
});

// A form post, so that the language switch works without JavaScript too. There is no page to show
// a refusal on: an unknown language (or a repeated or unsafe field) leaves the cookie alone and
// goes home, and `back` only ever leads to a path of this site.
export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const form = parseForm(languageForm, await request.formData());
		if (!form.ok) redirect(303, '/');
		cookies.set(cookieName, form.data.locale, {
			path: '/',
			maxAge: cookieMaxAge,
			httpOnly: false,
			sameSite: 'lax'
		});
		redirect(303, safeNextPath(form.data.back, url.origin) ?? '/');
	}
};
