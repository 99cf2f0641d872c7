import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { parseForm } from '../http/forms';
import { isoDateField } from '../http/form-fields';
import { refusalErrors, type ServiceResult } from '../service-result';

// Form schemas of the plan page. Each message is a Paraglide key read when a form is parsed, so
// the words follow the reader's language (README "Where translation happens").

const id = (invalid: () => string) => {
	const error = () => invalid();
	return z.coerce.number({ error }).int({ error }).positive({ error });
};

const note = z
	.string()
	.trim()
	.max(2000, { error: () => m.coaching_err_note_too_long() });

export const itemEditSchema = z.object({
	itemId: id(m.coaching_err_item_invalid),
	action: z
		.string()
		.trim()
		.min(5, { error: () => m.coaching_err_action_too_short() })
		.max(2000, { error: () => m.coaching_err_action_too_long() }),
	dueOn: isoDateField(),
	responsible: z
		.string()
		.trim()
		.max(200, { error: () => m.coaching_err_responsible_too_long() })
});

export const mentorSchema = z.object({ mentorId: id(m.coaching_err_mentor_invalid) });

export const planStatusSchema = z.object({
	to: z.enum(['active', 'completed', 'cancelled'], { error: () => m.coaching_err_status_target() })
});

export const progressSchema = z.object({
	itemId: id(m.coaching_err_item_invalid),
	status: z.enum(['in_progress', 'done'], { error: () => m.coaching_err_progress_status() }),
	note: note.min(3, { error: () => m.coaching_err_progress_note() })
});

export const reviewSchema = z.object({
	itemId: id(m.coaching_err_item_invalid),
	verdict: z.enum(['verify', 'reject'], { error: () => m.coaching_err_verdict() }),
	note: note.default('')
});

export const followUpSchema = z.object({
	plannedOn: isoDateField(),
	assessorId: id(m.coaching_err_assessor_invalid)
});

export interface FormFailure {
	form: string;
	values: Record<string, string>;
	errors: Record<string, string>;
	message: string | null;
}

/**
 * Parses a form, runs the use-case and answers like every action here: 400 with the field
 * errors, the service's 4xx with its message (values kept), or a 303 back to `back`.
 */
export async function runFormAction<S extends z.ZodType>(
	form: string,
	schema: S,
	data: FormData,
	run: (input: z.infer<S>) => Promise<ServiceResult<unknown>>,
	back: string
) {
	const p = parseForm(schema, data);
	if (!p.ok)
		return fail(400, { form, values: p.values, errors: p.errors, message: null } satisfies FormFailure);
	const r = await run(p.data);
	if (!r.ok)
		return fail(r.status, {
			form,
			values: p.values,
			errors: r.field ? refusalErrors(r) : {},
			message: r.field ? null : r.message
		} satisfies FormFailure);
	redirect(303, `${back}?ok=${form}`);
}
