import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listVisitsOfAssessor } from '$lib/server/repositories/visit.repository';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'assessor');
	return { visits: await listVisitsOfAssessor(getDb(), user.id) };
};
