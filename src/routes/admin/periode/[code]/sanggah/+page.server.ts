import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { parseForm, type FieldErrors } from '$lib/server/http/forms';
import { loadOfficeObjections } from '$lib/server/objections/objection-page.service';
import { answerObjection, openObjectionWindow } from '$lib/server/objections/objection.service';
import { OBJECTION_REASON_MAX } from '$lib/domain/objections';
import { m } from '$lib/paraglide/messages';

// The office side of the objection window (docs/rules.md §9.2).
const windowForm = z.object({
	until: z
		.string()
		.trim()
		.min(1, { error: () => m.srv_objection_until_required() })
		.max(10, { error: () => m.srv_objection_until_format() })
});
const answerForm = z.object({
	objection: z.coerce
		.number({ error: () => m.srv_objection_unknown() })
		.int()
		.positive({ error: () => m.srv_objection_unknown() }),
	decision: z.enum(['extra_visit', 'reopen', 'reject'], {
		error: () => m.srv_objection_decision_pick()
	}),
	sheet: z.union([z.literal(''), z.coerce.number().int().positive()]).optional(),
	answer: z.string().max(OBJECTION_REASON_MAX, {
		error: () => m.srv_objection_answer_too_long({ max: OBJECTION_REASON_MAX })
	})
});

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const page = await loadOfficeObjections(getDb(), event.params.code, new Date());
	if (!page) error(404, m.srv_period_code_not_found({ period: event.params.code }));
	const visit = Number(event.url.searchParams.get('kunjungan'));
	return {
		...page,
		done: event.url.searchParams.get('selesai'),
		extraVisit: Number.isInteger(visit) && visit > 0 && visit < 100 ? visit : null
	};
};

export const actions: Actions = {
	window: async (event) => {
		const user = requireRole(event, 'admin');
		const form = parseForm(windowForm, await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		const r = await openObjectionWindow(
			getDb(),
			{ periodCode: event.params.code, until: form.data.until, actorId: user.id },
			new Date()
		);
		if (!r.ok) return fail(r.status, { errors: { until: r.message } as FieldErrors });
		redirect(303, `${event.url.pathname}?selesai=window`);
	},
	answer: async (event) => {
		const user = requireRole(event, 'admin');
		const form = parseForm(answerForm, await event.request.formData());
		if (!form.ok) return fail(400, { objection: form.values.objection, errors: form.errors });
		const r = await answerObjection(
			getDb(),
			{
				periodCode: event.params.code,
				objectionId: form.data.objection,
				decision: form.data.decision,
				sheetId: typeof form.data.sheet === 'number' ? form.data.sheet : undefined,
				answer: form.data.answer,
				actorId: user.id
			},
			new Date()
		);
		if (!r.ok)
			return fail(r.status, {
				objection: String(form.data.objection),
				errors: { _form: r.message } as FieldErrors
			});
		const visit = r.value.visitNo;
		redirect(303, `${event.url.pathname}?selesai=${visit === null ? 'answer' : `visit&kunjungan=${visit}`}`);
	}
};
