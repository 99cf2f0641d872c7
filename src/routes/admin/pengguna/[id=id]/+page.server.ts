import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { confirmedForm, parseForm } from '$lib/server/http/forms';
import { findUserById } from '$lib/server/accounts/user.repository';
import { editUser, resetPassword } from '$lib/server/accounts/user.service';
import { listAssessorConstraints } from '$lib/server/accounts/assessor.repository';
import {
	addConflict,
	addUnavailableDates,
	removeConflict,
	removeUnavailableDate
} from '$lib/server/accounts/assessor.service';
import { affiliationOf, editUserForm, passwordForm } from '../user-form';
import { m } from '$lib/paraglide/messages';
import { isoDateField } from '$lib/server/http/form-fields';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const user = await findUserById(db, Number(event.params.id));
	if (!user) error(404, m.srv_user_not_found());
	return {
		created: event.url.searchParams.has('dibuat'),
		account: {
			id: user.id,
			name: user.name,
			email: user.email,
			role: user.role,
			active: user.active,
			canSignIn: user.canSignIn,
			affiliationType: user.affiliationType,
			affiliationName: user.affiliationName,
			phone: user.phone,
			unitCodes: user.unitCodes
		},
		constraints: user.role === 'assessor' ? await listAssessorConstraints(db, user.id) : null
	};
};

const id = (event: { params: { id: string } }) => Number(event.params.id);
const conflictForm = z.object({
	unit: z
		.string()
		.trim()
		.min(1, { error: () => m.fm_unit_code_required() })
		.max(60)
		.toUpperCase(),
	reason: z
		.string()
		.trim()
		.max(300, { error: () => m.fm_reason_max300() })
		.optional()
		.default('')
});
const datesForm = z.object({
	from: isoDateField(() => m.fm_date_invalid({ label: m.fm_label_starts_on() })),
	to: z
		.union([isoDateField(() => m.fm_date_invalid({ label: m.fm_label_until() })), z.literal('')])
		.optional()
		.default('')
});

export const actions: Actions = {
	edit: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = parseForm(editUserForm, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'edit', values: form.values, errors: form.errors });
		const d = form.data;
		const result = await editUser(
			getDb(),
			id(event),
			{
				email: d.email,
				name: d.name,
				role: d.role,
				phone: d.phone,
				unitCodes: d.role === 'unit_head' ? d.units : [],
				...affiliationOf(d)
			},
			admin.id,
			new Date()
		);
		if (!result.ok)
			return fail(result.status, { action: 'edit', values: form.values, errors: result.errors });
		return { action: 'edit', done: m.adm_changes_saved() };
	},
	deactivate: async (event) => setActive(event, false),
	reactivate: async (event) => setActive(event, true),
	password: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = parseForm(passwordForm, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'password', errors: form.errors });
		const result = await resetPassword(getDb(), id(event), form.data.password, admin.id, new Date());
		if (!result.ok) return fail(result.status, { action: 'password', errors: result.errors });
		return { action: 'password', done: m.fm_done_password() };
	},
	addConflict: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = parseForm(conflictForm, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'conflict', values: form.values, errors: form.errors });
		const r = await addConflict(
			getDb(),
			id(event),
			form.data.unit,
			form.data.reason || null,
			admin.id,
			new Date()
		);
		if (!r.ok) return fail(r.status, { action: 'conflict', values: form.values, errors: r.errors });
		return { action: 'conflict', done: m.fm_done_conflict_added() };
	},
	removeConflict: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = parseForm(
			z.object({
				unit: z
					.string()
					.trim()
					.min(1, { error: () => m.fm_unit_code_required() })
					.max(60)
			}),
			await event.request.formData()
		);
		if (!form.ok) return fail(400, { action: 'conflict', errors: form.errors });
		const r = await removeConflict(getDb(), id(event), form.data.unit, admin.id, new Date());
		if (!r.ok) return fail(r.status, { action: 'conflict', errors: r.errors });
		return { action: 'conflict', done: m.fm_done_conflict_removed() };
	},
	addDates: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = parseForm(datesForm, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'dates', values: form.values, errors: form.errors });
		const r = await addUnavailableDates(
			getDb(),
			id(event),
			form.data.from,
			form.data.to || form.data.from,
			admin.id,
			new Date()
		);
		if (!r.ok) return fail(r.status, { action: 'dates', values: form.values, errors: r.errors });
		return { action: 'dates', done: m.fm_done_dates_added() };
	},
	removeDate: async (event) => {
		const admin = requireRole(event, 'admin');
		const form = parseForm(z.object({ date: z.iso.date() }), await event.request.formData());
		if (!form.ok) return fail(400, { action: 'dates', errors: { from: m.fm_date_bad() } });
		await removeUnavailableDate(getDb(), id(event), form.data.date, admin.id, new Date());
		return { action: 'dates', done: m.fm_done_date_removed() };
	}
};

async function setActive(event: Parameters<Actions[string]>[0], active: boolean) {
	const admin = requireRole(event, 'admin');
	const form = parseForm(confirmedForm, await event.request.formData());
	if (!form.ok) return fail(400, { action: 'status', errors: { _form: Object.values(form.errors)[0] } });
	const result = await editUser(getDb(), id(event), { active }, admin.id, new Date());
	if (!result.ok) return fail(result.status, { action: 'status', errors: result.errors });
	return {
		action: 'status',
		done: active ? m.fm_done_account_reactivated() : m.fm_done_account_deactivated()
	};
}
