import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listCategories } from '$lib/server/units/category.repository';
import { saveCategory, setCategoryActive } from '$lib/server/units/category.service';
import { m } from '$lib/paraglide/messages';
import { runForm } from '$lib/server/http/form-action';

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
const idForm = z.object({
	id: z.coerce
		.number({ error: () => m.fm_category_unknown() })
		.int({ error: () => m.fm_category_unknown() })
		.positive({ error: () => m.fm_category_unknown() })
});

export const actions: Actions = {
	save: async (event) => {
		const admin = requireRole(event, 'admin');
		const r = await runForm(await event.request.formData(), categoryForm, (d) =>
			saveCategory(getDb(), d.id, { name: d.name, position: d.position }, admin.id, new Date())
		);
		if (!r.ok) return r.failure;
		return { done: m.fm_done_category_saved() };
	},
	deactivate: async (event) => setActive(event, false),
	reactivate: async (event) => setActive(event, true)
};

async function setActive(event: Parameters<Actions[string]>[0], active: boolean) {
	const admin = requireRole(event, 'admin');
	const r = await runForm(
		await event.request.formData(),
		idForm,
		(d) => setCategoryActive(getDb(), d.id, active, admin.id, new Date()),
		{ formLevel: true }
	);
	if (!r.ok) return r.failure;
	return { done: active ? m.fm_done_category_reactivated() : m.fm_done_category_deactivated() };
}
