import { m } from '$lib/paraglide/messages';
import type { SheetProblem } from '$lib/domain/score-sheet';

// What a score sheet still lacks (docs/rules.md §4.1, domain/score-sheet/completeness.ts) in the reader's
// language, on the server and on the device alike (README "Where translation happens").

export function sheetProblemText(p: SheetProblem): string {
	if (p.reason === 'unscored') return m.sheet_problem_unscored({ code: p.code });
	if (p.reason === 'note_required' && p.score !== null)
		return m.sheet_problem_note_required({ code: p.code, score: p.score });
	// an answer from a server without reasons (a device updated before its server): its own words
	return p.message;
}

/** "Lembar belum dapat dikirim: 3 hal perlu dilengkapi." */
export function sheetIncompleteText(count: number): string {
	return m.sheet_incomplete({ count });
}
