import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { AUDIT_REASON_MIN } from '../../domain/audit/audit-reason';

// Field types that several forms share, so one field reads and answers alike on every page. Each
// message is a Paraglide key read when the form is parsed (README "Where translation happens").

type Message = () => string;

/** The longest e-mail address and password any form takes. */
export const EMAIL_MAX = 200;
export const PASSWORD_MAX = 500;

/**
 * A field the form may leave empty: missing or blank reads as null; anything else must pass
 * `field`, whose messages say what is wrong with it.
 */
export function optionalField<T extends z.ZodType>(field: T) {
	return z
		.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), field.optional())
		.transform((v) => v ?? null);
}

/** Optional free text, trimmed, at most `max` characters (`tooLong` says so). */
export function optionalText(max: number, tooLong: Message) {
	return optionalField(z.string().trim().max(max, { error: tooLong }));
}

/**
 * An e-mail address as typed: trimmed, not empty (`required`), at most EMAIL_MAX characters; with
 * `invalid`, also refused when it is not shaped like an address.
 */
export function emailField(required: Message, invalid?: Message) {
	const text = z
		.string()
		.trim()
		.min(1, { error: required })
		.max(EMAIL_MAX, { error: () => m.fm_email_too_long() });
	return invalid ? text.pipe(z.email({ error: invalid })) : text;
}

/**
 * A date as typed in a date field: trimmed, a real calendar date written YYYY-MM-DD (2026-02-30
 * is refused). `invalid` says what is wrong; by default "the date is not valid", with the format.
 */
export function isoDateField(invalid: Message = () => m.fm_date_bad()) {
	return z
		.string()
		.trim()
		.pipe(z.iso.date({ error: invalid }));
}

/**
 * The written reason of an audited step (docs/rules.md §4.1): trimmed, at least AUDIT_REASON_MIN
 * characters (`tooShort` says so), at most `max`.
 */
export function auditReasonField(tooShort: Message, max: number, tooLong?: Message) {
	return z
		.string()
		.trim()
		.min(AUDIT_REASON_MIN, { error: tooShort })
		.max(max, tooLong ? { error: tooLong } : undefined);
}

/** A password as typed (never trimmed: spaces belong to it); with `required`, not empty. */
export function passwordField(required?: Message) {
	const text = z.string().max(PASSWORD_MAX, { error: () => m.fm_password_too_long() });
	return required ? text.min(1, { error: required }) : text;
}

/** A form in which a new password (`field`) is typed a second time in `confirm`. */
export function passwordTwice<S extends z.ZodRawShape>(shape: S, field: keyof S & string, mismatch: Message) {
	return z
		.object({ ...shape, confirm: passwordField() })
		.refine((f) => (f as Record<string, unknown>)[field] === (f as Record<string, unknown>).confirm, {
			path: ['confirm'],
			error: mismatch
		});
}
