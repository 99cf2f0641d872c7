import { m } from '$lib/paraglide/messages';
import type { SheetProblem } from '$lib/domain/score-sheet';

// What a score sheet still lacks (spec 4.1, domain/score-sheet/completeness.ts) in the reader's
// language, on the server and on the device alike (README "Where translation happens").

export function sheetProblemText(p: SheetProblem): string {
	return p.reason === 'unscored'
		? m.sheet_problem_unscored({ code: p.code })
		: m.sheet_problem_note_required({ code: p.code, score: p.score ?? '' });
}

/** "Lembar belum dapat dikirim: 3 hal perlu dilengkapi." */
export function sheetIncompleteText(count: number): string {
	return m.sheet_incomplete({ count });
}
