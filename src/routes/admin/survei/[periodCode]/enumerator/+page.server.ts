import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/http/forms';
import { refusalErrors } from '$lib/server/service-result';
import { findPeriodOr404 } from '$lib/server/periods/period-lookup';
import { loadRosterPage } from '$lib/server/enumerators/enumerator-roster-page';
import {
	assignEnumeratorToUnits,
	removeEnumeratorFromUnit
} from '$lib/server/enumerators/enumerator-roster.service';
import { m } from '$lib/paraglide/messages';
import { runForm } from '$lib/server/http/form-action';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	return loadRosterPage(db, await findPeriodOr404(db, event.params.periodCode), event.url.searchParams);
};

const userField = z.coerce
	.number({ error: () => m.roster_bad_enumerator() })
	.int({ error: () => m.roster_bad_enumerator() })
	.positive({ error: () => m.roster_bad_enumerator() });
const removeForm = z.object({
	user: userField,
	unit: z
		.string()
		.trim()
		.min(1, { error: () => m.srv_roster_no_units() }),
	confirm: z.literal('ya', { error: () => m.form_not_confirmed() })
});

export const actions: Actions = {
	assign: async (event) => {
		const user = requireRole(event, 'admin');
		const period = await findPeriodOr404(getDb(), event.params.periodCode);
		const data = await event.request.formData();
		const form = parseForm(z.object({ user: userField }), data);
		const units = data.getAll('unit').filter((v): v is string => typeof v === 'string');
		const values = { ...form.values, units };
		if (!form.ok) return fail(400, { kind: 'assign', values, errors: form.errors });
		const r = await assignEnumeratorToUnits(
			getDb(),
			period,
			{ userId: form.data.user, unitCodes: units },
			user.id,
			new Date()
		);
		if (!r.ok) return fail(r.status, { kind: 'assign', values, errors: refusalErrors(r) });
		redirect(
			303,
			`/admin/survei/${period.code}/enumerator?ditugaskan=${r.value.count}&email=${encodeURIComponent(r.value.email)}`
		);
	},
	remove: async (event) => {
		const user = requireRole(event, 'admin');
		const period = await findPeriodOr404(getDb(), event.params.periodCode);
		const r = await runForm(
			await event.request.formData(),
			removeForm,
			(d) =>
				removeEnumeratorFromUnit(getDb(), period, { userId: d.user, unitCode: d.unit }, user.id, new Date()),
			{ tag: { kind: 'remove' } }
		);
		if (!r.ok) return r.failure;
		redirect(303, `/admin/survei/${period.code}/enumerator?dicabut=${encodeURIComponent(r.value.email)}`);
	}
};
