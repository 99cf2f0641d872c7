import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { isoDateIn } from '$lib/domain/format';
import { loadUnitHome } from '$lib/server/units/unit-home.service';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'unit_head');
	return loadUnitHome(getDb(), user.id, isoDateIn(new Date(), readConfig().timeZone));
};
