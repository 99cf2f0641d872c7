import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { countEntities } from '$lib/server/units/unit.repository';
import { listPeriods } from '$lib/server/periods/period.repository';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	return { counts: await countEntities(db), periods: await listPeriods(db) };
};
