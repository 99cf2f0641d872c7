import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/http/forms';
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
		const form = parseForm(unitForm, await event.request.formData());
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const result = await createUnit(getDb(), toUnitInput(form.data), admin.id, new Date());
		if (!result.ok) return fail(result.status, { values: form.values, errors: result.errors });
		redirect(303, `/admin/unit/${encodeURIComponent(result.value.code)}?dibuat=1`);
	}
};
