import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { surveyLimits } from '$lib/server/survey/survey-config';
import {
	issueFormToken,
	openSurvey,
	purgeExpiredGuards,
	submitSurvey
} from '$lib/server/survey/intake/survey.service';
import { surveyProblemMessages } from './messages';
import { m } from '$lib/paraglide/messages';

// Public, no sign-in (docs/rules.md §6). Failures keep the typed answers and carry their real status.
export const load: PageServerLoad = async ({ params }) => {
	const opened = getDatabase();
	const now = new Date();
	const survey = await openSurvey(opened, params.token, now);
	if (!survey) error(404, m.error_404());
	await purgeExpiredGuards(opened, now);
	if (!survey.period) return { unitName: survey.unit.name, open: false as const, formToken: null };
	return {
		unitName: survey.unit.name,
		open: true as const,
		formToken: await issueFormToken(opened, survey.unit.id, now)
	};
};

export const actions: Actions = {
	default: async ({ params, request, getClientAddress }) => {
		const form = await request.formData();
		const fields: Record<string, string> = {};
		for (const [k, v] of form) if (typeof v === 'string') fields[k] = v;
		const result = await submitSurvey(
			getDatabase(),
			{ unitToken: params.token, fields, ip: getClientAddress(), limits: surveyLimits() },
			new Date()
		);
		if (result.ok) redirect(303, `/survei/${params.token}/terima-kasih`);
		const { form_token: _t, website: _w, ...values } = fields;
		switch (result.status) {
			case 404:
				error(404, m.error_404());
			// eslint-disable-next-line no-fallthrough
			case 400:
				return fail(400, {
					values,
					errors: surveyProblemMessages(result.problems),
					message: m.survey_error_invalid()
				});
			case 403:
				return fail(403, {
					values: result.reason === 'reused' ? {} : values,
					errors: {},
					message: result.reason === 'reused' ? m.survey_error_reused() : m.survey_error_forged()
				});
			case 410:
				return fail(410, { values, errors: {}, message: m.survey_error_closed() });
			case 429:
				return fail(429, {
					values,
					errors: {},
					message: m.survey_error_rate_limited({
						minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60))
					})
				});
		}
	}
};
