import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { runForm } from '$lib/server/http/form-action';
import { assignAssessorToVisit } from '$lib/server/accounts/assignment.service';
import { m } from '$lib/paraglide/messages';
import { isoDateField, optionalField } from '$lib/server/http/form-fields';

const assignSchema = z.object({
	period: z
		.string()
		.trim()
		.min(1, { error: () => m.fm_period_pick() })
		.max(40),
	unit: z
		.string()
		.trim()
		.min(1, { error: () => m.fm_unit_code_fill() })
		.max(40),
	visit: z
		.string()
		.trim()
		.regex(/^\d{1,2}$/, { error: () => m.fm_visit_no_int() }),
	assessor: z
		.string()
		.trim()
		.min(1, { error: () => m.fm_assessor_pick() })
		.max(200),
	date: optionalField(isoDateField())
});

/** The assignment form shared by the visit list and the visit page; the rules live in the service. */
export async function runAssignForm(event: RequestEvent, actorId: number) {
	return runForm(
		await event.request.formData(),
		assignSchema,
		(form) =>
			assignAssessorToVisit(
				getDb(),
				{
					periodCode: form.period,
					unitCode: form.unit,
					visitNo: Number(form.visit),
					assessorEmail: form.assessor,
					plannedOn: form.date || null
				},
				actorId,
				new Date()
			),
		{ tag: { form: 'assign' as const } }
	);
}
