import type { SheetEntry, SheetValues } from './entries';

// One rule for "can this sheet be submitted" (docs/rules.md §4.1), used by the server on submission and by
// the device before it asks for confirmation or queues a submission made offline.
export interface CheckedIndicator {
	code: string;
	required: boolean;
}

export interface SheetProblem {
	code: string;
	/** What is missing (docs/rules.md §4.1): a level, or the note a level of 0 or 5 needs; pages word it. */
	reason: 'unscored' | 'note_required';
	score: number | null;
	/** The Indonesian sentence: the wording outside a page (tests, command line). */
	message: string;
}

const EMPTY: SheetEntry = { score: null, note: '' };

/** docs/rules.md §4.1 for one indicator: a required one needs a level; a 0 or a 5 needs a note. */
export function indicatorProblem(ind: CheckedIndicator, entry: SheetEntry = EMPTY): SheetProblem | null {
	if (entry.score === null)
		return ind.required
			? { code: ind.code, reason: 'unscored', score: null, message: `${ind.code}: nilai belum dipilih.` }
			: null;
	if ((entry.score === 0 || entry.score === 5) && entry.note.trim() === '')
		return {
			code: ind.code,
			reason: 'note_required',
			score: entry.score,
			message: `${ind.code}: nilai ${entry.score} wajib disertai catatan yang menjelaskan alasannya.`
		};
	return null;
}

export function listProblems(indicators: readonly CheckedIndicator[], values: SheetValues): SheetProblem[] {
	const out: SheetProblem[] = [];
	for (const ind of indicators) {
		const p = indicatorProblem(ind, values[ind.code]);
		if (p) out.push(p);
	}
	return out;
}

export interface Completeness {
	/** required indicators that are scored and carry the note their level needs */
	complete: number;
	total: number;
	problems: number;
	/** scored 0 or 5 without the note docs/rules.md §4.1 asks for */
	missingNotes: number;
	/** true only when the sheet can really be submitted */
	submittable: boolean;
}

export function completenessOf(indicators: readonly CheckedIndicator[], values: SheetValues): Completeness {
	let complete = 0;
	let total = 0;
	let problems = 0;
	let missingNotes = 0;
	for (const ind of indicators) {
		const problem = indicatorProblem(ind, values[ind.code]);
		if (problem) problems++;
		if (problem && values[ind.code]?.score != null) missingNotes++;
		if (!ind.required) continue;
		total++;
		if (!problem) complete++;
	}
	return { complete, total, problems, missingNotes, submittable: problems === 0 };
}
