import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { loadUnitList } from '$lib/server/units/unit-list.service';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const params = event.url.searchParams;
	const list = await loadUnitList(getDb(), params);
	return {
		...list,
		units: list.units.map((u) => ({
			code: u.code,
			name: u.name,
			category: u.category,
			parentCode: u.parentCode,
			yearlyServiceUsers: u.yearlyServiceUsers,
			active: u.active
		})),
		imported: params.get('impor')
	};
};
