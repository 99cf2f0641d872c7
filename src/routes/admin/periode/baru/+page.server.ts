import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { runForm } from '$lib/server/http/form-action';
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
		// Empty survey dates are left empty: the service picks the default window (docs/rules.md §8.6).
		const r = await runForm(await event.request.formData(), createForm, (d) =>
			createPeriod(
				getDb(),
				{
					...toSettings(d),
					surveyFrom: d.survey_from ?? '',
					surveyTo: d.survey_to ?? '',
					code: d.code,
					instrumentCode: d.instrument
				},
				admin.id,
				new Date()
			)
		);
		if (!r.ok) return r.failure;
		redirect(303, `/admin/periode/${encodeURIComponent(r.value.code)}?dibuat=1`);
	}
};
