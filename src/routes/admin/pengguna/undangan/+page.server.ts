import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { runConfirmed, runForm } from '$lib/server/http/form-action';
import { ok } from '$lib/server/service-result';
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

const oneForm = z.object({
	user: z.coerce
		.number({ error: () => m.invite_bad_id() })
		.int()
		.positive({ error: () => m.invite_bad_id() })
});

// Both forms are a button (a row's link, or all at once after ConfirmForm): their problems are the
// page's alert (formLevel).
export const actions: Actions = {
	one: async (event) => {
		const admin = requireRole(event, 'admin');
		const r = await runForm(
			await event.request.formData(),
			oneForm,
			({ user }) => inviteOne(getDb(), user, admin.id, context(), new Date()),
			{ formLevel: true }
		);
		return r.ok ? { batch: r.value } : r.failure;
	},
	all: async (event) => {
		const admin = requireRole(event, 'admin');
		const r = await runConfirmed(await event.request.formData(), async () =>
			ok(await inviteAllWithoutPassword(getDb(), admin.id, context(), new Date()))
		);
		return r.ok ? { batch: r.value } : r.failure;
	}
};
