import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/http/forms';
import { createUser } from '$lib/server/accounts/user.service';
import { affiliationOf, createUserForm } from '../user-form';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = parseForm(createUserForm, await event.request.formData());
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const d = form.data;
		const result = await createUser(
			getDb(),
			{
				email: d.email,
				name: d.name,
				role: d.role,
				password: d.password === '' ? null : d.password,
				unitCodes: d.role === 'unit_head' ? d.units : [],
				phone: d.phone,
				...affiliationOf(d)
			},
			admin.id,
			new Date()
		);
		if (!result.ok) return fail(result.status, { values: form.values, errors: result.errors });
		redirect(303, `/admin/pengguna/${result.user.id}?dibuat=1`);
	}
};
