import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { countEntities } from '$lib/server/units/unit.repository';
import { listPeriods } from '$lib/server/periods/period.repository';
import { officeDate } from '$lib/server/config';
import { loadAttention } from '$lib/server/periods/attention.service';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'admin');
	const db = getDb();
	const now = new Date();
	return {
		counts: await countEntities(db),
		periods: await listPeriods(db),
		attention: await loadAttention(db, user, officeDate(now), now)
	};
};
