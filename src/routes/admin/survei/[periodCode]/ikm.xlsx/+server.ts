import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { m } from '$lib/paraglide/messages';
import { findPeriodOr404 } from '$lib/server/periods/period-lookup';
import { computeBreakdowns, computePeriodIkm } from '$lib/server/survey/survey-results.service';
import { renderIkmWorkbook } from '$lib/server/survey/survey-export.service';
import { xlsxResponse } from '$lib/server/http/download';

export const GET: RequestHandler = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const period = await findPeriodOr404(db, event.params.periodCode);
	const ikm = (await computePeriodIkm(db, period.id))!;
	const xlsx = await renderIkmWorkbook({
		title: m.xlsx_ikm_title({ name: period.name, from: period.surveyFrom, to: period.surveyTo }),
		units: ikm.units,
		breakdowns: await computeBreakdowns(db, { periodId: period.id })
	});
	return xlsxResponse(xlsx, `ikm-${period.code}.xlsx`);
};
