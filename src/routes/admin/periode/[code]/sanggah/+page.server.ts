import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { runForm } from '$lib/server/http/form-action';
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
		const r = await runForm(await event.request.formData(), windowForm, ({ until }) =>
			openObjectionWindow(getDb(), { periodCode: event.params.code, until, actorId: user.id }, new Date())
		);
		if (!r.ok) return r.failure;
		redirect(303, `${event.url.pathname}?selesai=window`);
	},
	// The answer form has its choices and text in each objection's card: its problems are the page's alert.
	answer: async (event) => {
		const user = requireRole(event, 'admin');
		const r = await runForm(
			await event.request.formData(),
			answerForm,
			(input) =>
				answerObjection(
					getDb(),
					{
						periodCode: event.params.code,
						objectionId: input.objection,
						decision: input.decision,
						sheetId: typeof input.sheet === 'number' ? input.sheet : undefined,
						answer: input.answer,
						actorId: user.id
					},
					new Date()
				),
			{ formLevel: true }
		);
		if (!r.ok) return r.failure;
		const visit = r.value.visitNo;
		redirect(303, `${event.url.pathname}?selesai=${visit === null ? 'answer' : `visit&kunjungan=${visit}`}`);
	}
};
