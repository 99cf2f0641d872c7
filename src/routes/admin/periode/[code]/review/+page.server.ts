import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { parseForm, type FieldErrors } from '$lib/server/http/forms';
import { loadReviewPage, type FlagFilter } from '$lib/server/review/review-page.service';
import { RESOLUTION_NOTE_MAX, resolveDisagreement } from '$lib/server/review/flag-resolution.service';
import { readPage } from '$lib/domain/pagination';

const FILTERS: FlagFilter[] = ['open', 'resolved', 'all'];

const resolveForm = z.object({
	unit: z.string().trim().min(1, 'Unit tidak dikenal.').max(60),
	indicator: z.string().trim().min(1, 'Indikator tidak dikenal.').max(40),
	action: z.enum(['note', 'extra_visit'], {
		message: 'Pilih cara penyelesaian: catatan atau kunjungan tambahan.'
	}),
	note: z
		.string()
		.trim()
		.min(1, 'Catatan penyelesaian wajib diisi.')
		.max(RESOLUTION_NOTE_MAX, `Catatan paling panjang ${RESOLUTION_NOTE_MAX} karakter.`)
});

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const q = event.url.searchParams;
	const filter = FILTERS.find((f) => f === q.get('tampil')) ?? 'open';
	const page = readPage(q);
	const review = await loadReviewPage(getDb(), event.params.code, filter, page);
	if (!review) error(404, `Periode "${event.params.code}" tidak ditemukan.`);
	return { ...review, done: q.get('selesai') };
};

export const actions: Actions = {
	resolve: async (event) => {
		const user = requireRole(event, 'admin');
		const form = parseForm(resolveForm, await event.request.formData());
		const key = `${form.values.unit ?? ''}|${form.values.indicator ?? ''}`;
		if (!form.ok) return fail(400, { key, values: form.values, errors: form.errors });
		const r = await resolveDisagreement(
			getDb(),
			{
				periodCode: event.params.code,
				userId: user.id,
				unitCode: form.data.unit,
				indicatorCode: form.data.indicator,
				action: form.data.action,
				note: form.data.note
			},
			new Date()
		);
		if (!r.ok) return fail(r.status, { key, values: form.values, errors: { _form: r.error } as FieldErrors });
		const done = r.visitNo
			? `Selisih ${form.data.unit} ${form.data.indicator} diselesaikan; kunjungan ke-${r.visitNo} ditambahkan dan menunggu penilai.`
			: `Selisih ${form.data.unit} ${form.data.indicator} diselesaikan dengan catatan.`;
		const back = new URLSearchParams(event.url.searchParams);
		back.delete('/resolve');
		back.set('selesai', done);
		redirect(303, `${event.url.pathname}?${back.toString()}`);
	}
};
