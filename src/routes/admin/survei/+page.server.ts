import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listPeriods } from '$lib/server/periods/period.repository';
import { listSurveyUnits } from '$lib/server/survey/survey-unit.repository';
import { isInWindow, krejcieMorganSample } from '$lib/domain/survey';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin', 'viewer');
	const db = getDb();
	const now = Date.now();
	const [periods, units] = await Promise.all([listPeriods(db, 'survey_from'), listSurveyUnits(db)]);
	return {
		periods: periods.map((p) => ({
			code: p.code,
			name: p.name,
			status: p.status,
			surveyFrom: p.surveyFrom,
			surveyTo: p.surveyTo,
			open: p.status !== 'archived' && isInWindow({ from: p.surveyFrom, to: p.surveyTo }, now)
		})),
		units: units.map((u) => ({
			code: u.code,
			name: u.name,
			category: u.category,
			active: u.active,
			yearlyServiceUsers: u.yearlyServiceUsers,
			target: u.yearlyServiceUsers ? krejcieMorganSample(u.yearlyServiceUsers) : null
		}))
	};
};
