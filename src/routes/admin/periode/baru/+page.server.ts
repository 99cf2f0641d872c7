import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/http/forms';
import { listInstruments } from '$lib/server/periods/instrument.repository';
import { createPeriod } from '$lib/server/periods/period-admin.service';
import { defaultWindowForNewPeriod } from '$lib/server/survey/survey-window.service';
import { addDays } from '$lib/domain/dates';
import { officeDate } from '$lib/server/config';
import { createForm, toSettings } from '../period-form';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const today = officeDate();
	const defaults = { starts_on: today, ends_on: addDays(today, 90) };
	return {
		instruments: (await listInstruments(getDb())).map((i) => ({ code: i.code, name: i.name })),
		defaults,
		surveyDefault: await defaultWindowForNewPeriod(getDb(), {
			startsOn: defaults.starts_on,
			endsOn: defaults.ends_on
		})
	};
};

export const actions: Actions = {
	default: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = parseForm(createForm, await event.request.formData());
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		// Empty survey dates are left empty: the service picks the default window (docs/rules.md §8.6).
		const input = {
			...toSettings(form.data),
			surveyFrom: form.data.survey_from ?? '',
			surveyTo: form.data.survey_to ?? '',
			code: form.data.code,
			instrumentCode: form.data.instrument
		};
		const result = await createPeriod(getDb(), input, admin.id, new Date());
		if (!result.ok) return fail(result.status, { values: form.values, errors: result.errors });
		redirect(303, `/admin/periode/${encodeURIComponent(result.value.code)}?dibuat=1`);
	}
};
