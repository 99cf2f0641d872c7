import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { officeDate } from '$lib/server/config';
import { loadMayorHome } from '$lib/server/results/mayor-home.service';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'viewer', 'admin');
	const now = new Date();
	return { home: await loadMayorHome(getDb(), user, officeDate(now), now) };
};
