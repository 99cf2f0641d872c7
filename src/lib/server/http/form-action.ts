import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { confirmedForm, parseForm } from './forms';
import { refusalErrors, type FieldErrors, type ServiceResult } from '../service-result';

/** What a refused form gets back: what was sent (never a secret) and the problems by field. */
export interface FormFailure {
	values: Record<string, string>;
	errors: FieldErrors;
	/** A file's or an entry's problems by row, when the refusal names them (refuseProblems). */
	problems?: readonly string[];
}

export type FormOutcome<T, Tag> =
	| { ok: true; value: T; values: Record<string, string> }
	| { ok: false; failure: ActionFailure<FormFailure & Tag> };

/**
 * How a form's failure is shown: `tag` names the form on a page that holds several (added to the
 * failure as it is); `formLevel` shows the form's own problems as the form's error (`_form`), for
 * a form with no field to show them beside (a button, a confirmation); `event` lets a throttled
 * refusal (429) say when to try again in Retry-After.
 */
export interface FormOptions<Tag> {
	tag?: Tag;
	formLevel?: boolean;
	event?: { setHeaders(headers: Record<string, string>): void };
}

/**
 * How a form action runs its use-case (README "Layering"): the form is checked by
 * `schema`, then the service is run; a form that does not pass answers 400 with its field
 * errors, a refusal answers with the service's status, its field errors by field and anything
 * else as `_form`. Either way the values sent come back so that nothing typed is lost.
 */
export async function runForm<S extends z.ZodType, T, Tag extends object = object>(
	data: FormData,
	schema: S,
	run: (input: z.infer<S>) => Promise<ServiceResult<T>>,
	{ tag = {} as Tag, formLevel = false, event }: FormOptions<Tag> = {}
): Promise<FormOutcome<T, Tag>> {
	const parsed = parseForm(schema, data);
	if (!parsed.ok) {
		const errors = formLevel ? { _form: Object.values(parsed.errors)[0] } : parsed.errors;
		return { ok: false, failure: fail(400, { ...tag, values: parsed.values, errors }) };
	}
	const result = await run(parsed.data);
	if (!result.ok && result.retryAfterSeconds !== undefined)
		event?.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
	if (!result.ok)
		return {
			ok: false,
			failure: fail(result.status, {
				...tag,
				values: parsed.values,
				errors: refusalErrors(result),
				...(result.problems && { problems: result.problems })
			})
		};
	return { ok: true, value: result.value, values: parsed.values };
}

/** An action whose only input is its confirmation (ConfirmForm's `confirm=ya`). */
export function runConfirmed<T>(data: FormData, run: () => Promise<ServiceResult<T>>) {
	return runForm(data, confirmedForm, run, { formLevel: true });
}
