import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { importActions } from '$lib/server/files/import-actions';
import {
	applyComplaintImport,
	previewComplaintImport
} from '$lib/server/complaints/complaint-import.service';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	const done = event.url.searchParams.get('selesai');
	return { done: done && done.length <= 200 ? done : null };
};

export const actions: Actions = importActions({
	preview: async (db, data) => {
		const check = await previewComplaintImport(db, data, new Date());
		return check.ok ? { ok: true, shown: check.items } : check;
	},
	apply: applyComplaintImport,
	doneUrl: (s) => `/admin/pengaduan/impor?selesai=${encodeURIComponent(m.fm_done_import_complaints(s))}`
});
