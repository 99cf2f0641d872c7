import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listPeriods } from '$lib/server/periods/period.repository';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	return { periods: await listPeriods(getDb()) };
};
