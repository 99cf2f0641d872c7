import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/http/forms';
import { loadCalibrationPage } from '$lib/server/calibration/calibration-page.service';
import {
	addCalibrationAnchor,
	markCalibrated,
	requireCalibratedAssessors
} from '$lib/server/calibration/calibration.service';
import { m } from '$lib/paraglide/messages';

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
		const form = parseForm(anchorForm, data);
		const picked = data.getAll('assessor').map((v) => (typeof v === 'string' ? Number(v) : NaN));
		if (!form.ok) return fail(400, { action: 'anchor', errors: form.errors });
		if (picked.some((n) => !Number.isSafeInteger(n) || n < 1))
			return fail(400, { action: 'anchor', errors: { assessor: m.fm_assessor_choice_unknown() } });
		const r = await addCalibrationAnchor(
			getDb(),
			{
				periodCode: event.params.code,
				unitCode: form.data.unit,
				assessorIds: [...new Set(picked)],
				actorId: user.id
			},
			new Date()
		);
		if (!r.ok) return fail(r.status, { action: 'anchor', errors: { _form: r.message } });
		back(event.url.pathname, 'anchor');
	},
	mark: async (event) => {
		const user = requireRole(event, 'admin');
		const form = parseForm(markForm, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'mark', errors: form.errors });
		const r = await markCalibrated(
			getDb(),
			{
				periodCode: event.params.code,
				userId: form.data.assessor,
				calibrated: form.data.calibrated === '1',
				actorId: user.id
			},
			new Date()
		);
		if (!r.ok) return fail(r.status, { action: 'mark', errors: { _form: r.message } });
		back(event.url.pathname, 'mark');
	},
	require: async (event) => {
		const user = requireRole(event, 'admin');
		const form = parseForm(requireForm, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'require', errors: form.errors });
		const r = await requireCalibratedAssessors(
			getDb(),
			{ periodCode: event.params.code, required: form.data.required === '1', actorId: user.id },
			new Date()
		);
		if (!r.ok) return fail(r.status, { action: 'require', errors: { _form: r.message } });
		back(event.url.pathname, 'require');
	}
};
