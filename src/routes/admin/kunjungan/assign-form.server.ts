import { fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/http/forms';
import { assignAssessorToVisit } from '$lib/server/accounts/assignment.service';
import { m } from '$lib/paraglide/messages';
import { isoDateField, optionalField } from '$lib/server/http/form-fields';
import { refusalErrors } from '$lib/server/service-result';

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
export async function handleAssign(event: RequestEvent, actorId: number) {
	const form = parseForm(assignSchema, await event.request.formData());
	if (!form.ok) return { failure: fail(400, { assign: { values: form.values, errors: form.errors } }) };
	const r = await assignAssessorToVisit(
		getDb(),
		{
			periodCode: form.data.period,
			unitCode: form.data.unit,
			visitNo: Number(form.data.visit),
			assessorEmail: form.data.assessor,
			plannedOn: form.data.date || null
		},
		actorId,
		new Date()
	);
	if (!r.ok)
		return { failure: fail(r.status, { assign: { values: form.values, errors: refusalErrors(r) } }) };
	return { result: r };
}
