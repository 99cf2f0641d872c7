import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { findPeriodByCode } from '$lib/server/periods/period.repository';
import { computeBreakdowns, computePeriodIkm } from '$lib/server/survey/survey-results.service';
import { renderIkmWorkbook } from '$lib/server/survey/survey-export.service';
import { xlsxResponse } from '$lib/server/http/download';
import { m } from '$lib/paraglide/messages';

export const GET: RequestHandler = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const period = await findPeriodByCode(db, event.params.periodCode);
	if (!period) error(404, m.srv_period_not_found());
	const ikm = (await computePeriodIkm(db, period.id))!;
	const xlsx = await renderIkmWorkbook({
		title: m.xlsx_ikm_title({ name: period.name, from: period.surveyFrom, to: period.surveyTo }),
		units: ikm.units,
		breakdowns: await computeBreakdowns(db, { periodId: period.id })
	});
	return xlsxResponse(xlsx, `ikm-${period.code}.xlsx`);
};
