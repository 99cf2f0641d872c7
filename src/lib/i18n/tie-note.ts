import { m } from '$lib/paraglide/messages';
import type { TieNote } from '$lib/domain/scoring/tie-notes';

/**
 * Why a unit shares the rank above or was split from it (docs/rules.md §4.7), in the reader's
 * language: the one wording of every page and PDF. Aspect names, when given, follow the code.
 */
export function tieNoteText(note: TieNote, aspectNames: Readonly<Record<string, string>> = {}): string {
	if (note.kind === 'shared') return m.tie_shared({ above: note.above, rank: String(note.rank) });
	if (note.kind === 'rounding')
		return m.tie_rounding({ above: note.above, shown: note.shown, ipp: note.ipp, ippAbove: note.ippAbove });
	const name = aspectNames[note.aspect];
	return m.tie_aspect({ above: note.above, aspect: name ? `${note.aspect} (${name})` : note.aspect });
}
