/**
 * What every labelled field of a form takes (TextField, SelectField, TextAreaField): its id (also
 * its name, unless a page holds two forms posting the same name), its label and hint, and its
 * first value and error, given alone or read by name from a whole form's `values` and `errors`.
 */
export interface FieldProps {
	id: string;
	name?: string;
	label: string;
	value?: string;
	error?: string;
	values?: Record<string, string>;
	errors?: Record<string, string>;
	hint?: string;
}

/** The field's name, the value it starts with, and what is wrong with it, if anything. */
export function fieldState(field: FieldProps) {
	const name = field.name ?? field.id;
	return {
		name,
		initial: field.value ?? field.values?.[name] ?? '',
		problem: field.error ?? field.errors?.[name]
	};
}

/**
 * The ids a form control is described by, as `FieldNotes` renders them: its hint, then its error.
 * A screen reader reads both when the control gets focus, so an error is heard where it is fixed.
 */
export function describedBy(id: string, hasHint: boolean, problem: string | undefined): string | undefined {
	return [hasHint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** Fields by name, as a refused form action sends them back (README "Layering": `runForm`). */
export type FormFields = Record<string, string>;

function echoed(form: unknown, key: 'values' | 'errors'): FormFields | undefined {
	if (form === null || typeof form !== 'object' || !(key in form)) return undefined;
	return (form as Record<typeof key, FormFields | undefined>)[key];
}

/** The values a refused form sent, so nothing typed is lost; otherwise the page's own starting values. */
export function sentValues(form: unknown, initial: FormFields = {}): FormFields {
	return echoed(form, 'values') ?? initial;
}

/** What is wrong with each field of a refused form (`_form` for the form as a whole); none otherwise. */
export function fieldErrors(form: unknown): FormFields {
	return echoed(form, 'errors') ?? {};
}
