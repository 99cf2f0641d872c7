import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { findPeriodByCode } from '$lib/server/periods/period.repository';
import { findVisitOfPeriod, listActiveAssessors } from '$lib/server/visits/visit-plan.repository';
import { addAssessorToVisit } from '$lib/server/accounts/assignment.service';
import { moveVisit, removeAssessorFromVisit } from '$lib/server/visits/visit-edit.service';
import { m } from '$lib/paraglide/messages';
import { isoDateField } from '$lib/server/http/form-fields';
import { runForm } from '$lib/server/http/form-action';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const period = await findPeriodByCode(db, event.params.code);
	const visit = period ? await findVisitOfPeriod(db, period.id, Number(event.params.visitId)) : null;
	if (!period || !visit) error(404, m.srv_visit_not_found());
	return {
		period: { code: period.code, name: period.name, startsOn: period.startsOn, endsOn: period.endsOn },
		visit: {
			unitCode: visit.unitCode,
			unitName: visit.unitName,
			visitNo: visit.visitNo,
			plannedOn: visit.plannedOn,
			assessors: visit.assessors.map((a) => ({ id: a.id, name: a.name, submitted: a.submitted }))
		},
		options: (await listActiveAssessors(db)).filter((a) => !visit.assessors.some((t) => t.id === a.id))
	};
};

const userForm = z.object({
	assessor: z.coerce
		.number({ error: () => m.fm_assessor_pick() })
		.int({ error: () => m.fm_assessor_pick() })
		.positive({ error: () => m.fm_assessor_pick() })
});
const dateForm = z.object({ date: isoDateField() });
const ids = (e: { params: { code: string; visitId: string } }) =>
	[e.params.code, Number(e.params.visitId)] as const;

export const actions: Actions = {
	add: async (event) => {
		const admin = requireRole(event, 'admin');
		const r = await runForm(await event.request.formData(), userForm, (d) =>
			addAssessorToVisit(getDb(), ...ids(event), d.assessor, admin.id, new Date())
		);
		if (!r.ok) return r.failure;
		return { done: m.fm_done_assessor_added() };
	},
	remove: async (event) => {
		const admin = requireRole(event, 'admin');
		const r = await runForm(await event.request.formData(), userForm, (d) =>
			removeAssessorFromVisit(getDb(), ...ids(event), d.assessor, admin.id, new Date())
		);
		if (!r.ok) return r.failure;
		return { done: m.fm_done_assessor_removed() };
	},
	move: async (event) => {
		const admin = requireRole(event, 'admin');
		const r = await runForm(await event.request.formData(), dateForm, (d) =>
			moveVisit(getDb(), ...ids(event), d.date, admin.id, new Date())
		);
		if (!r.ok) return r.failure;
		return { done: m.fm_done_visit_moved() };
	}
};
