import { z } from 'zod';
import { NOTE_MAX, type SheetValues } from '../../domain/score-sheet';
import { hasUnsafeCharacters } from '../../domain/text-safety';
import { refusalText } from '../service-result';

// Messages are Paraglide codes worded in the request's language (README "Where translation happens").
const unsafeNote = () => refusalText('srv_note_unsafe');

// Form field names of the README: radio group `score.<code>` (0..5), textarea `note.<code>`;
// uploads without JavaScript come as `evidence.<code>`.
export interface ParsedSheetForm {
	version: number;
	values: SheetValues;
	files: { code: string; file: File }[];
}

export type SheetFormParse =
	{ ok: true; data: ParsedSheetForm } | { ok: false; errors: Record<string, string> };

export function parseSheetForm(form: FormData, codes: string[]): SheetFormParse {
	const errors: Record<string, string> = {};
	const versionRaw = form.get('version');
	const version = typeof versionRaw === 'string' && /^\d{1,9}$/.test(versionRaw) ? Number(versionRaw) : NaN;
	if (!Number.isInteger(version) || version < 1) errors._form = refusalText('srv_sheet_version_unknown');
	const values: SheetValues = {};
	const files: { code: string; file: File }[] = [];
	for (const code of codes) {
		const score = form.get(`score.${code}`);
		const note = form.get(`note.${code}`);
		let parsed: number | null = null;
		if (typeof score === 'string' && score !== '') {
			if (/^[0-5]$/.test(score)) parsed = Number(score);
			else errors[code] = refusalText('srv_sheet_form_score_range', { code });
		}
		const text = typeof note === 'string' ? note.replace(/\r\n/g, '\n') : '';
		if (text.length > NOTE_MAX)
			errors[code] = refusalText('srv_sheet_note_too_long', { code, max: NOTE_MAX });
		else if (hasUnsafeCharacters(text)) errors[code] = `${code}: ${unsafeNote()}`;
		values[code] = { score: parsed, note: text };
		for (const f of form.getAll(`evidence.${code}`))
			if (typeof f !== 'string' && f.size > 0) files.push({ code, file: f });
	}
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data: { version, values, files } };
}

/** Body of the autosave endpoint (JSON): the whole sheet and the version it was edited from. */
export const autosaveBody = z.object({
	version: z.number().int().min(1),
	values: z.record(
		z.string().min(1).max(40),
		z.object({
			score: z.number().int().min(0).max(5).nullable(),
			note: z
				.string()
				.max(NOTE_MAX)
				.refine((note) => !hasUnsafeCharacters(note), { error: unsafeNote })
		})
	)
});
