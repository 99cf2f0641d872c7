import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listUnitsOfHead } from '$lib/server/repositories/unit.repository';
import { listPublishedPeriods } from '$lib/server/repositories/period.repository';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'unit_head');
	const db = getDb();
	return { units: await listUnitsOfHead(db, user.id), periods: await listPublishedPeriods(db) };
};
