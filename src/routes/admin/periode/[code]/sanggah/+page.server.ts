import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { parseForm, type FieldErrors } from '$lib/server/http/forms';
import { loadOfficeObjections } from '$lib/server/objections/objection-page.service';
import { answerObjection, openObjectionWindow } from '$lib/server/objections/objection.service';

// The office side of the objection window (docs/rules.md §9.2).
const windowForm = z.object({ until: z.string().trim().min(1, 'Isi hari terakhir masa sanggah.').max(10) });
const answerForm = z.object({
	objection: z.coerce
		.number({ message: 'Sanggahan tidak dikenal.' })
		.int()
		.positive('Sanggahan tidak dikenal.'),
	decision: z.enum(['extra_visit', 'reopen', 'reject'], { message: 'Pilih jawaban: terima atau tolak.' }),
	sheet: z.union([z.literal(''), z.coerce.number().int().positive()]).optional(),
	answer: z.string().max(2000, 'Jawaban paling panjang 2000 karakter.')
});

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const page = await loadOfficeObjections(getDb(), event.params.code, new Date());
	if (!page) error(404, `Periode "${event.params.code}" tidak ditemukan.`);
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
