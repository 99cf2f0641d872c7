import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { runForm } from '$lib/server/http/form-action';
import { listCategories } from '$lib/server/units/category.repository';
import { createUnit } from '$lib/server/units/unit-catalog.service';
import { toUnitInput, unitForm } from '../unit-form';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const categories = (await listCategories(getDb())).filter((c) => c.active);
	return { categories: categories.map((c) => ({ id: c.id, name: c.name })) };
};

export const actions: Actions = {
	default: async (event) => {
		const admin = requireRole(event, 'admin');
		const r = await runForm(await event.request.formData(), unitForm, (d) =>
			createUnit(getDb(), toUnitInput(d), admin.id, new Date())
		);
		if (!r.ok) return r.failure;
		redirect(303, `/admin/unit/${encodeURIComponent(r.value.code)}?dibuat=1`);
	}
};
