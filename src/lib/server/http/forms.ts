import { z } from 'zod';
import { hasUnsafeCharacters } from '../../domain/text-safety';
import { m } from '$lib/paraglide/messages';
import type { FieldErrors } from '../service-result';

export type { FieldErrors };

export type FormParse<T> =
	| { ok: true; data: T; values: Record<string, string> }
	| { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Reads text fields of a form and validates them; the values are echoed back except secrets. */
export function parseForm<S extends z.ZodType>(
	schema: S,
	form: FormData,
	secretFields: string[] = ['password', 'current', 'next', 'confirm']
): FormParse<z.infer<S>> {
	const raw: Record<string, string> = {};
	for (const [key, value] of form.entries()) if (typeof value === 'string') raw[key] = value;
	const values = Object.fromEntries(Object.entries(raw).filter(([k]) => !secretFields.includes(k)));
	// NUL, control and bidi-override characters are refused in every field of every form, before
	// any schema: names, codes and e-mails must read the same on every screen and export.
	const unsafe = Object.keys(raw).filter((k) => hasUnsafeCharacters(raw[k]));
	// A field the schema reads once but that came twice is ambiguous (one layer would read the
	// first value, another the last): refused rather than guessed.
	const repeated = fieldsOf(schema).filter((k) => form.getAll(k).length > 1);
	if (repeated.length)
		return {
			ok: false,
			errors: Object.fromEntries(repeated.map((k) => [k, m.form_field_repeated()])),
			values
		};
	if (unsafe.length)
		return {
			ok: false,
			errors: Object.fromEntries(unsafe.map((k) => [k, m.form_unsafe_text()])),
			values
		};
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data, values };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = issue.path.join('.') || '_form';
		errors[field] ??= issue.message;
	}
	return { ok: false, errors, values };
}

function fieldsOf(schema: z.ZodType): string[] {
	return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/**
 * The form of an action that has no input of its own (deactivate, reactivate, remove): the
 * submit button of `ConfirmForm` sends `confirm=ya`, so an empty or stray post changes nothing
 * (docs/rules.md: confirmation before destructive actions; bad input gets a clear 4xx).
 */
export const confirmedForm = z.object({
	confirm: z.literal('ya', { error: () => m.form_not_confirmed() })
});

/** A hidden field naming what the form acts on must name what the URL names. */
export function sameTarget(field: string, expected: string) {
	return z.object({ [field]: z.literal(expected, { error: () => m.form_wrong_target() }) });
}

// Control characters (a tab or newline is dropped by browsers, so `/\t/evil.example` becomes
// `//evil.example`), backslashes (read as `/` by browsers) and non-ASCII never form a path we link to.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_NEXT = /[\u0000-\u001f\u007f\\]|[^\u0000-\u007f]/;

/**
 * A same-origin path to return to after signing in (or switching language); anything else is
 * null. Parsed with the URL parser browsers use, so the result is what the browser will follow.
 */
export function safeNextPath(next: string | null, origin: string): string | null {
	if (!next || !next.startsWith('/') || UNSAFE_NEXT.test(next)) return null;
	let url: URL;
	try {
		url = new URL(next, origin);
	} catch {
		return null;
	}
	// `/..//evil.example` normalises to `//evil.example`, which a browser reads as another host.
	if (url.origin !== new URL(origin).origin || url.pathname.startsWith('//')) return null;
	return url.pathname + url.search + url.hash;
}
