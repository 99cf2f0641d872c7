import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { runConfirmed, runForm } from '$lib/server/http/form-action';
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
		const r = await runForm(await event.request.formData(), unitForm, (d) =>
			editUnit(getDb(), event.params.code, toUnitInput(d), admin.id, new Date())
		);
		if (!r.ok) return r.failure;
		redirect(303, `/admin/unit/${encodeURIComponent(r.value.code)}?disimpan=1`);
	},
	deactivate: async (event) => setActive(event, false),
	reactivate: async (event) => setActive(event, true)
};

async function setActive(event: Parameters<Actions[string]>[0], active: boolean) {
	const admin = requireRole(event, 'admin');
	const r = await runConfirmed(await event.request.formData(), () =>
		setUnitActive(getDb(), event.params.code ?? '', active, admin.id, new Date())
	);
	if (!r.ok) return r.failure;
	return { done: active ? m.fm_done_unit_reactivated() : m.fm_done_unit_deactivated() };
}
