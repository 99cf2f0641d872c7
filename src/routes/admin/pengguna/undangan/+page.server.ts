import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { confirmedForm, parseForm } from '$lib/server/http/forms';
import { listActiveUsersWithoutPassword } from '$lib/server/invitations/password-link.repository';
import { PASSWORD_LINK_DAYS } from '$lib/server/invitations/password-link.service';
import { inviteAllWithoutPassword, inviteOne } from '$lib/server/invitations/invitation.service';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const pending = await listActiveUsersWithoutPassword(getDb());
	return {
		days: PASSWORD_LINK_DAYS,
		pending: pending.map((u) => ({ id: u.id, name: u.name, email: u.email }))
	};
};

const context = () => {
	const c = readConfig();
	return { origin: c.origin, timeZone: c.timeZone };
};

export const actions: Actions = {
	one: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = parseForm(
			z.object({ user: z.coerce.number().int().positive() }),
			await event.request.formData()
		);
		if (!form.ok) return fail(400, { error: m.invite_bad_id() });
		const r = await inviteOne(getDb(), form.data.user, admin.id, context(), new Date());
		if (!r.ok)
			return fail(r.status, { error: r.code === 'inactive' ? m.invite_inactive() : m.invite_unknown() });
		return { batch: r.batch };
	},
	all: async (event) => {
		const admin = requireRole(event, 'admin');
		// One link for every account at once: only from the confirmation button (ConfirmForm).
		const form = parseForm(confirmedForm, await event.request.formData());
		if (!form.ok) return fail(400, { error: Object.values(form.errors)[0] });
		return { batch: await inviteAllWithoutPassword(getDb(), admin.id, context(), new Date()) };
	}
};
