import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { loadCalibrationPage } from '$lib/server/calibration/calibration-page.service';
import {
	addCalibrationAnchor,
	markCalibrated,
	requireCalibratedAssessors
} from '$lib/server/calibration/calibration.service';
import { m } from '$lib/paraglide/messages';
import { refuseFields } from '$lib/server/service-result';
import { runForm } from '$lib/server/http/form-action';

// The calibration round of a period (docs/rules.md §9.1), for the office.
const anchorForm = z.object({
	unit: z
		.string()
		.trim()
		.min(1, { error: () => m.fm_anchor_unit_pick() })
		.max(60)
});
const markForm = z.object({
	assessor: z.coerce
		.number({ error: () => m.fm_assessor_unknown() })
		.int({ error: () => m.fm_assessor_unknown() })
		.positive({ error: () => m.fm_assessor_unknown() }),
	calibrated: z.enum(['1', '0'], { error: () => m.fm_calibrated_choice_unknown() })
});
const requireForm = z.object({ required: z.enum(['1', '0'], { error: () => m.fm_choice_unknown() }) });

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const page = await loadCalibrationPage(getDb(), event.params.code);
	if (!page) error(404, m.srv_period_code_not_found({ period: event.params.code }));
	return { ...page, done: event.url.searchParams.get('selesai') };
};

const back = (path: string, done: string) => redirect(303, `${path}?selesai=${encodeURIComponent(done)}`);

export const actions: Actions = {
	anchor: async (event) => {
		const user = requireRole(event, 'admin');
		const data = await event.request.formData();
		const picked = data.getAll('assessor').map((v) => (typeof v === 'string' ? Number(v) : NaN));
		const add = (d: z.infer<typeof anchorForm>) =>
			picked.some((n) => !Number.isSafeInteger(n) || n < 1)
				? Promise.resolve(refuseFields(400, { assessor: m.fm_assessor_choice_unknown() }))
				: addCalibrationAnchor(
						getDb(),
						{
							periodCode: event.params.code,
							unitCode: d.unit,
							assessorIds: [...new Set(picked)],
							actorId: user.id
						},
						new Date()
					);
		const r = await runForm(data, anchorForm, add, { tag: { action: 'anchor' } });
		if (!r.ok) return r.failure;
		back(event.url.pathname, 'anchor');
	},
	mark: async (event) => {
		const user = requireRole(event, 'admin');
		const mark = (d: z.infer<typeof markForm>) =>
			markCalibrated(
				getDb(),
				{
					periodCode: event.params.code,
					userId: d.assessor,
					calibrated: d.calibrated === '1',
					actorId: user.id
				},
				new Date()
			);
		const r = await runForm(await event.request.formData(), markForm, mark, { tag: { action: 'mark' } });
		if (!r.ok) return r.failure;
		back(event.url.pathname, 'mark');
	},
	require: async (event) => {
		const user = requireRole(event, 'admin');
		const r = await runForm(
			await event.request.formData(),
			requireForm,
			(d) =>
				requireCalibratedAssessors(
					getDb(),
					{ periodCode: event.params.code, required: d.required === '1', actorId: user.id },
					new Date()
				),
			{ tag: { action: 'require' } }
		);
		if (!r.ok) return r.failure;
		back(event.url.pathname, 'require');
	}
};
