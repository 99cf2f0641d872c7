import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { homePathFor } from '$lib/domain/auth/user';
import { loadPublicHome } from '$lib/server/results/public-results.service';

export const load: PageServerLoad = async ({ locals }) => {
	if (locals.user) redirect(303, homePathFor(locals.user.role));
	return await loadPublicHome(getDb(), new Date());
};
