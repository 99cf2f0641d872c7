import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { runForm } from '$lib/server/http/form-action';
import { findSurveyUnitByCode } from '$lib/server/survey/survey-unit.repository';
import { listPeriods } from '$lib/server/periods/period.repository';
import { unitIkm } from '$lib/server/survey/survey-results.service';
import { changeYearlyServiceUsers, rotateSurveyToken } from '$lib/server/survey/survey-admin.service';
import { isLoopbackOrigin, krejcieMorganSample } from '$lib/domain/survey';
import { toIkmView } from '$lib/domain/survey/view';
import { m } from '$lib/paraglide/messages';

async function unitOr404(code: string) {
	const unit = await findSurveyUnitByCode(getDb(), code);
	if (!unit) error(404, m.srv_unit_not_found());
	return unit;
}

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'admin', 'viewer');
	const db = getDb();
	const unit = await unitOr404(event.params.unitCode);
	const origin = readConfig().origin;
	const periods = [];
	for (const p of await listPeriods(db, 'survey_from')) {
		const r = await unitIkm(db, p.id, unit.id);
		if (r)
			periods.push({
				code: p.code,
				name: p.name,
				respondents: r.respondents,
				view: r.result ? toIkmView(r.result) : null
			});
	}
	return {
		canEdit: user.role === 'admin',
		unit: {
			code: unit.code,
			name: unit.name,
			category: unit.category,
			yearlyServiceUsers: unit.yearlyServiceUsers,
			target: unit.yearlyServiceUsers ? krejcieMorganSample(unit.yearlyServiceUsers) : null,
			// the survey address is public by design (printed on posters): not a secret
			surveyUrl: `${origin.replace(/\/$/, '')}/survei/${unit.surveyToken}`
		},
		loopbackOrigin: isLoopbackOrigin(origin),
		periods
	};
};

const usersForm = z.object({
	yearly_service_users: z
		.string()
		.trim()
		.refine((v) => v === '' || (/^\d{1,9}$/.test(v) && Number(v) > 0), {
			error: () => m.fm_positive_or_empty()
		})
});

const rotateForm = z.object({
	confirm: z.literal('ya', { error: () => m.fm_survey_address_not_confirmed() })
});

export const actions: Actions = {
	users: async (event) => {
		const user = requireRole(event, 'admin');
		const unit = await unitOr404(event.params.unitCode);
		const r = await runForm(await event.request.formData(), usersForm, ({ yearly_service_users: v }) =>
			changeYearlyServiceUsers(getDb(), user.id, unit, v === '' ? null : Number(v), new Date())
		);
		if (!r.ok) return r.failure;
		redirect(303, `/admin/survei/unit/${unit.code}?disimpan=pengguna`);
	},
	rotate: async (event) => {
		const user = requireRole(event, 'admin');
		const unit = await unitOr404(event.params.unitCode);
		const r = await runForm(await event.request.formData(), rotateForm, () =>
			rotateSurveyToken(getDb(), user.id, unit, new Date())
		);
		if (!r.ok) return r.failure;
		redirect(303, `/admin/survei/unit/${unit.code}?disimpan=alamat`);
	}
};
