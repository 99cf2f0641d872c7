import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readCarriedTable, readUploadedTable } from '$lib/server/import/upload';
import { applyAssessorImport, previewAssessorImport } from '$lib/server/services/assessor-import.service';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	return {};
};

export const actions: Actions = {
	preview: async (event) => {
		requireRole(event, 'admin');
		const read = await readUploadedTable(await event.request.formData());
		if (!read.ok) return fail(400, { problems: read.problems });
		const check = await previewAssessorImport(getDb(), read.data);
		if (!check.ok) return fail(400, { problems: check.problems });
		return { preview: check.items, data: JSON.stringify(read.data) };
	},
	confirm: async (event) => {
		const admin = requireRole(event, 'admin');
		const data = readCarriedTable(await event.request.formData());
		if (!data) return fail(400, { problems: ['Data pratinjau rusak; unggah berkasnya lagi.'] });
		const result = await applyAssessorImport(getDb(), data, admin.id, new Date());
		if (!result.ok) return fail(400, { problems: result.problems });
		const s = result.summary;
		redirect(
			303,
			`/admin/pengguna?role=assessor&impor=${encodeURIComponent(`Impor selesai: ${s.created} penilai dibuat, ${s.updated} diperbarui, ${s.unchanged} tidak berubah.`)}`
		);
	}
};
