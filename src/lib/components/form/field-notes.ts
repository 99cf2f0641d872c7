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
