import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { importActions } from '$lib/server/files/import-actions';
import { applyAssessorImport, previewAssessorImport } from '$lib/server/accounts/assessor-import.service';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	return {};
};

export const actions: Actions = importActions({
	preview: async (db, data) => {
		const check = await previewAssessorImport(db, data);
		return check.ok ? { ok: true, shown: check.items } : check;
	},
	apply: applyAssessorImport,
	doneUrl: (s) => `/admin/pengguna?role=assessor&impor=${encodeURIComponent(m.fm_done_import_assessors(s))}`
});
