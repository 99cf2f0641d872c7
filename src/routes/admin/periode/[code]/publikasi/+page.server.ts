import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { parseForm, type FieldErrors } from '$lib/server/http/forms';
import { loadPublicationPage } from '$lib/server/publication/publication-page.service';
import { publishPeriod } from '$lib/server/publication/publication.service';

const publishForm = z.object({
	confirm: z.literal('ya', { message: 'Konfirmasi penerbitan belum diberikan.' }),
	revision: z.enum(['0', '1']).default('0'),
	confirm_open_flags: z.literal('ya').optional(),
	reason: z.string().trim().max(2000, 'Alasan paling panjang 2000 karakter.').default('')
});

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const found = await loadPublicationPage(getDb(), event.params.code);
	if (!found) error(404, `Periode "${event.params.code}" tidak ditemukan.`);
	const step = event.url.searchParams.get('konfirmasi');
	return {
		...found,
		step: step === 'terbit' || step === 'revisi' ? step : null,
		done: event.url.searchParams.get('terbit')
	};
};

export const actions: Actions = {
	publish: async (event) => {
		const user = requireRole(event, 'admin');
		const form = parseForm(publishForm, await event.request.formData());
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const revising = form.data.revision === '1';
		const r = await publishPeriod(
			getDb(),
			{
				periodCode: event.params.code,
				userId: user.id,
				confirmOpenFlags: form.data.confirm_open_flags === 'ya',
				reason: form.data.reason || null,
				newRevision: revising
			},
			new Date()
		);
		if (!r.ok) {
			const field = r.status === 400 ? 'reason' : '_form';
			return fail(r.status, { values: form.values, errors: { [field]: r.error } as FieldErrors });
		}
		redirect(303, `${event.url.pathname}?terbit=${r.revision}`);
	}
};
