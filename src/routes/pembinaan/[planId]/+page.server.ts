import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { parseForm } from '$lib/server/forms';
import { isoDateIn } from '$lib/domain/format';
import * as forms from '$lib/server/coaching-forms';
import { authorizePlan, loadPlanView } from '$lib/server/services/coaching-view.service';
import { presentPlan } from '$lib/server/services/coaching-plan-view';
import { assignMentor, editCoachingItem, movePlan } from '$lib/server/services/coaching-plan.service';
import { reportProgress, reviewItem } from '$lib/server/services/coaching-progress.service';
import { scheduleFollowUp } from '$lib/server/services/follow-up.service';
import { listAdminUsers } from '$lib/server/repositories/coaching-plan.repository';
import { listAssessors } from '$lib/server/repositories/follow-up.repository';
import type { ServiceResult } from '$lib/server/services/service-result';

function planIdOf(event: RequestEvent): number {
	const id = Number(event.params.planId);
	if (!/^\d{1,9}$/.test(event.params.planId ?? '') || id < 1)
		error(404, 'Rencana pembinaan tidak ditemukan.');
	return id;
}

interface FormFailure {
	form: string;
	values: Record<string, string>;
	errors: Record<string, string>;
	message: string | null;
}
const failed = (status: number, data: FormFailure) => fail(status, data);

const today = () => isoDateIn(new Date(), readConfig().timeZone);

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'admin', 'unit_head');
	const db = getDb();
	const auth = await authorizePlan(db, user, planIdOf(event));
	if (!auth.ok) error(auth.status, auth.message);
	const view = (await loadPlanView(db, auth.value.id, today()))!;
	const isAdmin = user.role === 'admin';
	return {
		plan: presentPlan(view, user),
		admins: isAdmin ? await listAdminUsers(db) : [],
		assessors: isAdmin ? await listAssessors(db) : [],
		today: today()
	};
};

/** Service outcome to an action answer: refusals keep the form's values and say why. */
function answer(
	r: ServiceResult<unknown>,
	form: string,
	values: Record<string, string>,
	event: RequestEvent
) {
	if (!r.ok) return fail(r.status, { form, values, message: r.message, errors: {} });
	redirect(303, `/pembinaan/${event.params.planId}?ok=${form}`);
}

export const actions: Actions = {
	item: async (event) => {
		const user = requireRole(event, 'admin');
		const p = parseForm(forms.itemEditSchema, await event.request.formData());
		if (!p.ok)
			return failed(400, {
				form: 'item',
				values: p.values,
				errors: p.errors as Record<string, string>,
				message: null as string | null
			});
		const { itemId, ...edit } = p.data;
		const r = await editCoachingItem(
			getDb(),
			user,
			planIdOf(event),
			itemId,
			{ ...edit, responsible: edit.responsible || null },
			new Date()
		);
		return answer(r, 'item', p.values, event);
	},
	mentor: async (event) => {
		const user = requireRole(event, 'admin');
		const p = parseForm(forms.mentorSchema, await event.request.formData());
		if (!p.ok)
			return failed(400, {
				form: 'mentor',
				values: p.values,
				errors: p.errors as Record<string, string>,
				message: null as string | null
			});
		return answer(
			await assignMentor(getDb(), user, planIdOf(event), p.data.mentorId, new Date()),
			'mentor',
			p.values,
			event
		);
	},
	status: async (event) => {
		const user = requireRole(event, 'admin');
		const p = parseForm(forms.planStatusSchema, await event.request.formData());
		if (!p.ok)
			return failed(400, {
				form: 'status',
				values: p.values,
				errors: p.errors as Record<string, string>,
				message: null as string | null
			});
		return answer(
			await movePlan(getDb(), user, planIdOf(event), p.data.to, new Date()),
			'status',
			p.values,
			event
		);
	},
	progress: async (event) => {
		const user = requireRole(event, 'unit_head');
		const data = await event.request.formData();
		const p = parseForm(forms.progressSchema, data);
		if (!p.ok)
			return failed(400, {
				form: 'progress',
				values: p.values,
				errors: p.errors as Record<string, string>,
				message: null as string | null
			});
		const upload = data.get('berkas');
		const file =
			upload instanceof File && upload.size > 0
				? { bytes: new Uint8Array(await upload.arrayBuffer()) }
				: null;
		const r = await reportProgress(
			getDb(),
			user,
			p.data.itemId,
			{ status: p.data.status, note: p.data.note, file },
			readConfig().uploadDir,
			new Date()
		);
		return answer(r, 'progress', p.values, event);
	},
	review: async (event) => {
		const user = requireRole(event, 'admin');
		const p = parseForm(forms.reviewSchema, await event.request.formData());
		if (!p.ok)
			return failed(400, {
				form: 'review',
				values: p.values,
				errors: p.errors as Record<string, string>,
				message: null as string | null
			});
		return answer(
			await reviewItem(getDb(), user, p.data.itemId, p.data.verdict, p.data.note, new Date()),
			'review',
			p.values,
			event
		);
	},
	followup: async (event) => {
		const user = requireRole(event, 'admin');
		const p = parseForm(forms.followUpSchema, await event.request.formData());
		if (!p.ok)
			return failed(400, {
				form: 'followup',
				values: p.values,
				errors: p.errors as Record<string, string>,
				message: null as string | null
			});
		return answer(
			await scheduleFollowUp(getDb(), user, planIdOf(event), p.data, new Date()),
			'followup',
			p.values,
			event
		);
	}
};
