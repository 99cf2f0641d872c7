import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { officeDate } from '$lib/server/config';
import { loadUnitHome } from '$lib/server/units/unit-home.service';
import { listOpenWindowsForHead } from '$lib/server/objections/objection.repository';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'unit_head');
	const today = officeDate();
	return {
		...(await loadUnitHome(getDb(), user.id, today)),
		// docs/rules.md §9.2: unit heads are told on their home page while a window is open.
		objectionWindows: await listOpenWindowsForHead(getDb(), user.id, today)
	};
};
