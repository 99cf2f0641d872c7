import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import type { SessionUser } from '$lib/domain/auth/user';
import type { ServiceResult } from '$lib/server/service-result';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { officeDate, readConfig } from '$lib/server/config';
import { parseForm } from '$lib/server/http/forms';
import { newFormToken, onceField, runOnce } from '$lib/server/http/form-once';
import * as forms from '$lib/server/coaching/coaching-forms';
import { authorizePlan, loadPlanView } from '$lib/server/coaching/coaching-view.service';
import { presentPlan } from '$lib/server/coaching/coaching-plan-view';
import { assignMentor, editCoachingItem, movePlan } from '$lib/server/coaching/coaching-plan.service';
import { reportProgress, reviewItem } from '$lib/server/coaching/coaching-progress.service';
import { scheduleFollowUp } from '$lib/server/coaching/follow-up.service';
import { listAdminUsers } from '$lib/server/coaching/coaching-plan.repository';
import { listAssessors } from '$lib/server/coaching/follow-up.repository';

const today = () => officeDate();

/**
 * One of the office's actions on the plan: admin only, its form checked by `schema`, the service
 * run on the plan of the address, then back to the plan (or the form again with its errors).
 */
function officeAction<S extends z.ZodType>(
	name: string,
	schema: S,
	run: (user: SessionUser, planId: number, input: z.infer<S>) => Promise<ServiceResult<unknown>>
) {
	return async (event: RequestEvent) => {
		const user = requireRole(event, 'admin');
		const id = Number(event.params.planId);
		return forms.runPlanForm(
			name,
			schema,
			await event.request.formData(),
			(d) => run(user, id, d),
			`/pembinaan/${id}`
		);
	};
}

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'admin', 'viewer', 'unit_head');
	const db = getDb();
	const auth = await authorizePlan(db, user, Number(event.params.planId));
	if (!auth.ok) error(auth.status, auth.message);
	const isAdmin = user.role === 'admin';
	return {
		plan: presentPlan((await loadPlanView(db, auth.value.id, today()))!, user),
		admins: isAdmin ? await listAdminUsers(db) : [],
		assessors: isAdmin ? await listAssessors(db) : [],
		today: today(),
		once: newFormToken()
	};
};

export const actions: Actions = {
	item: officeAction('item', forms.itemEditSchema, (user, id, { itemId, ...e }) =>
		editCoachingItem(getDb(), user, id, itemId, { ...e, responsible: e.responsible || null }, new Date())
	),
	mentor: officeAction('mentor', forms.mentorSchema, (user, id, d) =>
		assignMentor(getDb(), user, id, d.mentorId, new Date())
	),
	status: officeAction('status', forms.planStatusSchema, (user, id, d) =>
		movePlan(getDb(), user, id, d.to, new Date())
	),
	progress: async (event) => {
		const user = requireRole(event, 'unit_head');
		const id = Number(event.params.planId);
		const data = await event.request.formData();
		const upload = data.get('berkas');
		const file =
			upload instanceof File && upload.size > 0
				? { bytes: new Uint8Array(await upload.arrayBuffer()) }
				: null;
		// A double-clicked "send" records one progress entry (form token, README "Double submits").
		const once = parseForm(z.object(onceField), data);
		if (!once.ok) return fail(400, { form: 'progress', values: once.values, errors: once.errors });
		return runOnce(user.id, once.data.once, () =>
			forms.runPlanForm(
				'progress',
				forms.progressSchema,
				data,
				(d) =>
					reportProgress(
						getDb(),
						user,
						{ planId: id, itemId: d.itemId },
						{ status: d.status, note: d.note, file },
						readConfig().uploadDir,
						new Date()
					),
				`/pembinaan/${id}`
			)
		);
	},
	review: officeAction('review', forms.reviewSchema, (user, id, d) =>
		reviewItem(getDb(), user, { planId: id, itemId: d.itemId }, d.verdict, d.note, new Date())
	),
	followup: officeAction('followup', forms.followUpSchema, (user, id, d) =>
		scheduleFollowUp(getDb(), user, id, d, new Date())
	)
};
