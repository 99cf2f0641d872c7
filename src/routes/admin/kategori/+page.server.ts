import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/http/forms';
import { listCategories } from '$lib/server/units/category.repository';
import { saveCategory, setCategoryActive } from '$lib/server/units/category.service';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	return { categories: await listCategories(getDb()) };
};

const categoryForm = z.object({
	id: z
		.string()
		.optional()
		.default('')
		.transform((v) => (v === '' ? null : Number(v)))
		.refine((v) => v === null || (Number.isInteger(v) && v > 0), { error: () => m.fm_category_unknown() }),
	name: z
		.string()
		.trim()
		.min(2, { error: () => m.fm_category_name_min() })
		.max(80, { error: () => m.fm_category_name_max() }),
	position: z
		.string()
		.optional()
		.default('')
		.transform((v) => (v === '' ? undefined : Number(v)))
		.refine((v) => v === undefined || (Number.isInteger(v) && v >= 0 && v < 1000), {
			error: () => m.fm_category_position()
		})
});
const idForm = z.object({ id: z.coerce.number().int().positive() });

export const actions: Actions = {
	save: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = parseForm(categoryForm, await event.request.formData());
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const r = await saveCategory(
			getDb(),
			form.data.id,
			{ name: form.data.name, position: form.data.position },
			admin.id,
			new Date()
		);
		if (!r.ok) return fail(r.status, { values: form.values, errors: r.errors });
		return { done: m.fm_done_category_saved() };
	},
	deactivate: async (event) => setActive(event, false),
	reactivate: async (event) => setActive(event, true)
};

async function setActive(event: Parameters<Actions[string]>[0], active: boolean) {
	const admin = requireRole(event, 'admin');
	const form = parseForm(idForm, await event.request.formData());
	if (!form.ok) return fail(400, { errors: { _form: m.fm_category_unknown() } });
	const r = await setCategoryActive(getDb(), form.data.id, active, admin.id, new Date());
	if (!r.ok) return fail(r.status, { errors: r.errors });
	return { done: active ? m.fm_done_category_reactivated() : m.fm_done_category_deactivated() };
}
