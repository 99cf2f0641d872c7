import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { confirmedForm, parseForm } from '$lib/server/http/forms';
import { listCategories } from '$lib/server/units/category.repository';
import { findUnitByCode } from '$lib/server/units/unit-catalog.repository';
import { editUnit, setUnitActive } from '$lib/server/units/unit-catalog.service';
import { toUnitInput, unitForm } from '../unit-form';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const unit = await findUnitByCode(db, event.params.code);
	if (!unit) error(404, m.srv_unit_not_found());
	const categories = (await listCategories(db)).filter((c) => c.active || c.id === unit.categoryId);
	return {
		created: event.url.searchParams.has('dibuat'),
		unit: {
			code: unit.code,
			name: unit.name,
			categoryId: unit.categoryId,
			category: unit.category,
			parentCode: unit.parentCode,
			address: unit.address,
			yearlyServiceUsers: unit.yearlyServiceUsers,
			active: unit.active
		},
		categories: categories.map((c) => ({ id: c.id, name: c.name }))
	};
};

export const actions: Actions = {
	edit: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = parseForm(unitForm, await event.request.formData());
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const result = await editUnit(getDb(), event.params.code, toUnitInput(form.data), admin.id, new Date());
		if (!result.ok) return fail(result.status, { values: form.values, errors: result.errors });
		redirect(303, `/admin/unit/${encodeURIComponent(result.value.code)}?disimpan=1`);
	},
	deactivate: async (event) => setActive(event, false),
	reactivate: async (event) => setActive(event, true)
};

async function setActive(event: Parameters<Actions[string]>[0], active: boolean) {
	const admin = requireRole(event, 'admin');
	const form = parseForm(confirmedForm, await event.request.formData());
	if (!form.ok) return fail(400, { errors: { _form: Object.values(form.errors)[0] } });
	const code = event.params.code ?? '';
	const result = await setUnitActive(getDb(), code, active, admin.id, new Date());
	if (!result.ok) return fail(result.status, { errors: result.errors });
	return { done: active ? m.fm_done_unit_reactivated() : m.fm_done_unit_deactivated() };
}
