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

export type RefusalStatus = 400 | 403 | 404 | 409 | 410 | 413 | 429;
/** Problems keyed by the form field they are about; `_form` for the form as a whole. */
export type FieldErrors = Record<string, string>;

/**
 * The failure keeps the shape callers read (`status`, `message`); the code only chooses the words.
 * `errors` holds the problems of named form fields, when the refusal is about fields (then
 * `message` is the first of them); without it the message is the form's own (`_form`).
 */
export type Refusal = {
	ok: false;
	status: RefusalStatus;
	message: string;
	errors?: FieldErrors;
	/** With 429: when to try again, sent as Retry-After. */
	retryAfterSeconds?: number;
	/**
	 * The problems of rows or questions (an import's `baris N: …`, an entry's fields), each already
	 * worded, all of them found at once; `message` is the first.
	 */
	problems?: readonly string[];
};

/** A refusal that names every problem it found: the rows of a file, the questions of an entry. */
export type ProblemsRefusal = Refusal & { problems: readonly string[] };

/** `R` narrows the refusal for a use-case whose every refusal has the same extra (ProblemsRefusal). */
export type ServiceResult<T = void, R extends Refusal = Refusal> = { ok: true; value: T } | R;

/** The words of a refusal code in the current locale (the request's, or Indonesian on the CLI). */
export function refusalText<K extends RefusalCode>(code: K, ...[params]: RefusalArgs<K>): string {
	const message = m[code] as (inputs: unknown) => string;
	return message(params ?? {});
}

/** A code whose sentence has no placeholders: what a domain check (a period's settings) answers. */
export type PlainRefusalCode = {
	[K in RefusalCode]: object extends NonNullable<Params<K>> ? K : never;
}[RefusalCode];

/** A domain check's problems by field, given as codes, in the reader's words. */
export function wordFields(problems: Readonly<Record<string, PlainRefusalCode>>): FieldErrors {
	return Object.fromEntries(Object.entries(problems).map(([field, code]) => [field, refusalText(code)]));
}

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

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
	const refusal = refuse(status, code, ...params);
	return { ...refusal, errors: { [field]: refusal.message } };
}

/** A refusal about several fields found at once (a form's checks that all ran), already worded. */
export function refuseFields(status: RefusalStatus, errors: FieldErrors): Refusal {
	return { ok: false, status, message: Object.values(errors)[0] ?? '', errors };
}

/** Too many attempts (429): the refusal says in how many seconds to try again (Retry-After). */
export const throttled = (refusal: Refusal, seconds: number): Refusal => ({
	...refusal,
	status: 429,
	retryAfterSeconds: seconds
});

/** A refusal naming every problem of a file or entry found at once (rows, questions), already worded. */
export function refuseProblems(status: RefusalStatus, problems: readonly string[]): ProblemsRefusal {
	return { ok: false, status, message: problems[0] ?? '', problems };
}

/** Every problem of a refusal, one per line, as a file's or an entry's refusal is printed and sent. */
export const refusalProblems = (r: Refusal): readonly string[] => r.problems ?? [r.message];

/** The field errors of a refusal, keyed as every form reads them (`_form` when no field is named). */
export const refusalErrors = (r: Refusal): FieldErrors => r.errors ?? { _form: r.message };

/** Whether a refusal is about the named field. */
export const refusesField = (r: Refusal, field: string): boolean => r.errors?.[field] !== undefined;
