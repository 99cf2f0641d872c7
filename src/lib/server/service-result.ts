import { m } from '$lib/paraglide/messages';

// Outcome of a use-case that a route turns into fail(status, ...), error(...) or JSON, and the
// command line into its stderr lines. A service refuses with a message code (a Paraglide key
// `srv_*`) and its parameters; `refusalText` is the one place that turns the code into words.
// Services run inside the request's paraglide middleware (src/hooks.server.ts), so the words are
// in the reader's language; outside a request (the command line) paraglide answers in the base
// locale, Indonesian (README "Architecture", "Where translation happens").

/** Every server message written for a refusal: the Paraglide keys that start with `srv_`. */
export type RefusalCode = Extract<keyof typeof m, `srv_${string}`>;
type Params<K extends RefusalCode> = Parameters<(typeof m)[K]>[0];
/** The parameters a code needs: none for a plain sentence, its placeholders otherwise. */
export type RefusalArgs<K extends RefusalCode> =
	object extends NonNullable<Params<K>> ? [params?: Params<K>] : [params: Params<K>];

export type RefusalStatus = 400 | 403 | 404 | 409;
/**
 * The failure keeps the shape callers read (`status`, `message`); the code only chooses the words.
 * `field` names the form field the refusal is about, when there is one; without it the message
 * is the form's own (`_form`).
 */
export type Refusal = { ok: false; status: RefusalStatus; message: string; field?: string };

export type ServiceResult<T = void> = { ok: true; value: T } | Refusal;

/** The words of a refusal code in the current locale (the request's, or Indonesian on the CLI). */
export function refusalText<K extends RefusalCode>(code: K, ...[params]: RefusalArgs<K>): string {
	const message = m[code] as (inputs: unknown) => string;
	return message(params ?? {});
}

export const ok = <T>(value: T): ServiceResult<T> => ({ ok: true, value });

export function refuse<K extends RefusalCode>(
	status: RefusalStatus,
	code: K,
	...params: RefusalArgs<K>
): Refusal {
	return { ok: false, status, message: refusalText(code, ...params) };
}

/** A refusal about one form field: the form shows it beside that field. */
export function refuseField<K extends RefusalCode>(
	status: RefusalStatus,
	field: string,
	code: K,
	...params: RefusalArgs<K>
): Refusal {
	return { ...refuse(status, code, ...params), field };
}

/** The field errors of a refusal, keyed as every form reads them (`_form` when no field is named). */
export const refusalErrors = (r: Refusal): Record<string, string> => ({ [r.field ?? '_form']: r.message });
