import { formatDecimalId } from './display';
import type { UnitResult } from './results-shape';

// docs/rules.md §4.7 said where the ranks are shown: when a unit shares its rank with the unit
// above, or was separated from it although both show the same two-decimal IPP, the pages say
// which rule applied. Pure: the ranked units of one category come in, in rank order.

export type TieNote =
	/** Same IPP and aspect scores at 9 decimals: the rank is shared, units listed by name. */
	| { kind: 'shared'; above: string; rank: number }
	/** Same IPP at 9 decimals; the first differing aspect (heaviest first) separated them. */
	| { kind: 'aspect'; above: string; aspect: string }
	/** Same two-decimal IPP on the page, but the full IPP differs: shown with enough decimals. */
	| { kind: 'rounding'; above: string; shown: string; ipp: string; ippAbove: string };

function preciseDigits(a: number, b: number): number {
	for (let d = 3; d < 9; d++) if (formatDecimalId(a, d) !== formatDecimalId(b, d)) return d;
	return 9;
}

/** The note of each ranked unit that needs one, by unit code. */
export function tieNotes(units: readonly UnitResult[]): Map<string, TieNote> {
	const ranked = units.filter((u) => u.complete && u.rank !== null && u.ipp !== null);
	const notes = new Map<string, TieNote>();
	for (let i = 1; i < ranked.length; i++) {
		const u = ranked[i];
		const above = ranked[i - 1];
		const rule = u.rank_reason?.rule;
		if (rule === 'tie') notes.set(u.code, { kind: 'shared', above: above.name, rank: u.rank! });
		else if (u.rank_reason?.rule === 'aspect')
			notes.set(u.code, { kind: 'aspect', above: above.name, aspect: u.rank_reason.aspect });
		else if (rule === 'ipp' && u.ipp_display === above.ipp_display) {
			const d = preciseDigits(u.ipp!, above.ipp!);
			notes.set(u.code, {
				kind: 'rounding',
				above: above.name,
				shown: u.ipp_display ?? '',
				ipp: formatDecimalId(u.ipp!, d),
				ippAbove: formatDecimalId(above.ipp!, d)
			});
		}
	}
	return notes;
}
