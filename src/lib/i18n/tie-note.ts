import { m } from '$lib/paraglide/messages';
import type { TieNote } from '$lib/domain/scoring/tie-notes';

/** Why a unit shares the rank above or was split from it (docs/rules.md §4.7), in the reader's language. */
export function tieNoteText(note: TieNote): string {
	return note.kind === 'shared'
		? m.tie_shared({ above: note.above, rank: String(note.rank) })
		: note.kind === 'aspect'
			? m.tie_aspect({ above: note.above, aspect: note.aspect })
			: m.tie_rounding({ above: note.above, shown: note.shown, ipp: note.ipp, ippAbove: note.ippAbove });
}
