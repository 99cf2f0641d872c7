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
import { runForm } from '$lib/server/http/form-action';

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
		const edit = (d: z.infer<typeof editUserForm>) =>
			editUser(
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
		const r = await runForm(await event.request.formData(), editUserForm, edit, { tag: { action: 'edit' } });
		if (!r.ok) return r.failure;
		return { action: 'edit', done: m.adm_changes_saved() };
	},
	deactivate: async (event) => setActive(event, false),
	reactivate: async (event) => setActive(event, true),
	password: async (event) => {
		const admin = requireRole(event, 'admin');
		const r = await runForm(
			await event.request.formData(),
			passwordForm,
			(d) => resetPassword(getDb(), id(event), d.password, admin.id, new Date()),
			{ tag: { action: 'password' } }
		);
		if (!r.ok) return r.failure;
		return { action: 'password', done: m.fm_done_password() };
	},
	addConflict: async (event) => {
		const admin = requireRole(event, 'admin');
		const r = await runForm(
			await event.request.formData(),
			conflictForm,
			(d) => addConflict(getDb(), id(event), d.unit, d.reason || null, admin.id, new Date()),
			{ tag: { action: 'conflict' } }
		);
		if (!r.ok) return r.failure;
		return { action: 'conflict', done: m.fm_done_conflict_added() };
	},
	removeConflict: async (event) => {
		const admin = requireRole(event, 'admin');
		const r = await runForm(
			await event.request.formData(),
			z.object({ unit: conflictForm.shape.unit }),
			(d) => removeConflict(getDb(), id(event), d.unit, admin.id, new Date()),
			{ tag: { action: 'conflict' } }
		);
		if (!r.ok) return r.failure;
		return { action: 'conflict', done: m.fm_done_conflict_removed() };
	},
	addDates: async (event) => {
		const admin = requireRole(event, 'admin');
		const r = await runForm(
			await event.request.formData(),
			datesForm,
			(d) => addUnavailableDates(getDb(), id(event), d.from, d.to || d.from, admin.id, new Date()),
			{ tag: { action: 'dates' } }
		);
		if (!r.ok) return r.failure;
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
	const r = await runForm(
		await event.request.formData(),
		confirmedForm,
		() => editUser(getDb(), id(event), { active }, admin.id, new Date()),
		{ tag: { action: 'status' }, formLevel: true }
	);
	if (!r.ok) return r.failure;
	return {
		action: 'status',
		done: active ? m.fm_done_account_reactivated() : m.fm_done_account_deactivated()
	};
}
