import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime';
import { safeNextPath } from '$lib/server/http/forms';

export const load: PageServerLoad = () => redirect(303, '/');

// A form post, so that the language switch works without JavaScript too.
export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const form = await request.formData();
		const locale = form.get('locale');
		const back = form.get('back');
		if (typeof locale === 'string' && isLocale(locale))
			cookies.set(cookieName, locale, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax' });
		redirect(303, safeNextPath(typeof back === 'string' ? back : null, url.origin) ?? '/');
	}
};
