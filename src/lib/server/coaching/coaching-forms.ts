import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { runForm } from '../http/form-action';
import { isoDateField } from '../http/form-fields';
import type { ServiceResult } from '../service-result';

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

/**
 * Runs one of the plan page's forms through runForm, as the office's record forms run, its failure named
 * `form` so the page shows it beside the right form, then goes back to the plan with `?ok=form`.
 */
export async function runPlanForm<S extends z.ZodType>(
	form: string,
	schema: S,
	data: FormData,
	run: (input: z.infer<S>) => Promise<ServiceResult<unknown>>,
	back: string
) {
	const r = await runForm(data, schema, run, { tag: { form } });
	if (!r.ok) return r.failure;
	redirect(303, `${back}?ok=${form}`);
}
