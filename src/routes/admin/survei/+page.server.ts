import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { listPeriods } from '$lib/server/periods/period.repository';
import { loadUnitList } from '$lib/server/units/unit-list.service';
import { isInWindow, krejcieMorganSample } from '$lib/domain/survey';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin', 'viewer');
	const db = getDb();
	const now = Date.now();
	const timeZone = readConfig().timeZone;
	const periods = await listPeriods(db, 'survey_from');
	const list = await loadUnitList(db, event.url.searchParams);
	return {
		...list,
		periods: periods.map((p) => ({
			code: p.code,
			name: p.name,
			status: p.status,
			surveyFrom: p.surveyFrom,
			surveyTo: p.surveyTo,
			open: p.status !== 'archived' && isInWindow({ from: p.surveyFrom, to: p.surveyTo }, now, timeZone)
		})),
		units: list.units.map((u) => ({
			code: u.code,
			name: u.name,
			category: u.category,
			active: u.active,
			yearlyServiceUsers: u.yearlyServiceUsers,
			target: u.yearlyServiceUsers ? krejcieMorganSample(u.yearlyServiceUsers) : null
		}))
	};
};
