import { redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { createUser } from '$lib/server/accounts/user.service';
import { affiliationOf, createUserForm } from '../user-form';
import { runForm } from '$lib/server/http/form-action';

export const load: PageServerLoad = (event) => {
	requireRole(event, 'admin');
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const admin = requireRole(event, 'admin');
		const create = (d: z.infer<typeof createUserForm>) =>
			createUser(
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
		const r = await runForm(await event.request.formData(), createUserForm, create);
		if (!r.ok) return r.failure;
		redirect(303, `/admin/pengguna/${r.value.id}?dibuat=1`);
	}
};
