import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

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
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data, values };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = issue.path.join('.') || '_form';
		errors[field] ??= issue.message;
	}
	return { ok: false, errors, values };
}

/** A same-site path to return to after signing in; anything else falls back to null. */
export function safeNextPath(next: string | null): string | null {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
	return next;
}
