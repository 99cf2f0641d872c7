import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { isoDateField } from '$lib/server/http/form-fields';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { findPeriodOr404 } from '$lib/server/periods/period-lookup';
import { countSourcesOfPeriod } from '$lib/server/survey/survey-response.repository';
import { computeBreakdowns, computePeriodIkm } from '$lib/server/survey/survey-results.service';
import { changeSurveyWindow } from '$lib/server/survey/survey-admin.service';
import { hasRespondents, toIkmView, toBreakdownView } from '$lib/domain/survey/view';
import { pageOf, readPage } from '$lib/domain/pagination';
import { runForm } from '$lib/server/http/form-action';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'admin', 'viewer');
	const db = getDb();
	const period = await findPeriodOr404(getDb(), event.params.periodCode);
	const ikm = (await computePeriodIkm(db, period.id))!;
	// A page of units at a time (a national period covers 80,000); the counts are of them all.
	const shown = pageOf(ikm.units, readPage(event.url.searchParams));
	return {
		unitCount: ikm.units.length,
		answeredCount: ikm.units.filter(hasRespondents).length,
		page: shown.page,
		pages: shown.pages,
		canEdit: user.role === 'admin',
		period: {
			code: period.code,
			name: period.name,
			status: period.status,
			surveyFrom: period.surveyFrom,
			surveyTo: period.surveyTo
		},
		overall: ikm.overall ? toIkmView(ikm.overall) : null,
		units: shown.rows.map((u) => ({
			code: u.code,
			name: u.name,
			category: u.category,
			target: u.target,
			...(u.result
				? toIkmView(u.result)
				: {
						respondents: 0,
						ikm: null,
						ikmDisplay: '–',
						konversi: null,
						konversiDisplay: '–',
						mutu: null,
						kinerja: null,
						nrr: null
					})
		})),
		sources: await countSourcesOfPeriod(db, period.id),
		breakdowns: toBreakdownView(await computeBreakdowns(db, { periodId: period.id }))
	};
};

const windowForm = z.object({
	survey_from: isoDateField(() => m.srv_survey_from_invalid()),
	survey_to: isoDateField(() => m.srv_survey_to_invalid())
});

export const actions: Actions = {
	window: async (event) => {
		const user = requireRole(event, 'admin');
		const period = await findPeriodOr404(getDb(), event.params.periodCode);
		const r = await runForm(await event.request.formData(), windowForm, (d) =>
			changeSurveyWindow(getDb(), user.id, period, { from: d.survey_from, to: d.survey_to }, new Date())
		);
		if (!r.ok) return r.failure;
		redirect(303, `/admin/survei/${period.code}?jendela=disimpan`);
	}
};
