import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { importActions } from '$lib/server/files/import-actions';
import { applyUnitImport, previewUnitImport } from '$lib/server/units/unit-import.service';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	return {};
};

export const actions: Actions = importActions({
	preview: async (db, data) => {
		const check = await previewUnitImport(db, data);
		return check.ok ? { ok: true, shown: check.plan } : check;
	},
	apply: applyUnitImport,
	doneUrl: (s) => `/admin/unit?impor=${encodeURIComponent(m.fm_done_import_units(s))}`
});
