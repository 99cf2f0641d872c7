import { afterEach, describe, expect, it } from 'vitest';
import { tieNotes } from '../../../src/lib/domain/scoring/tie-notes';
import { tieNoteText } from '../../../src/lib/i18n/tie-note';
import { baseLocale, overwriteGetLocale } from '../../../src/lib/paraglide/runtime';
import { formatDecimalId } from '../../../src/lib/domain/scoring/display';
import type { UnitResult } from '../../../src/lib/domain/scoring/results-shape';
import type { RankReason } from '../../../src/lib/domain/scoring/ranking';

function unit(code: string, ipp: number, rank: number, reason: RankReason): UnitResult {
	return {
		code,
		name: `Unit ${code}`,
		ipp,
		ipp_display: formatDecimalId(ipp, 2),
		grade: 'B-',
		predikat: 'Baik',
		rank,
		complete: true,
		award: null,
		aspects: null,
		visits: 2,
		assessors: 2,
		rank_reason: reason,
		lacking: null
	};
}

describe('tie notes (docs/rules.md §4.7 on the ranking pages)', () => {
	afterEach(() => overwriteGetLocale(() => baseLocale));
	const units = [
		unit('A', 3.2, 1, { rule: 'first' }),
		unit('B', 3.0512, 2, { rule: 'ipp' }),
		unit('C', 3.0498, 3, { rule: 'ipp' }),
		unit('D', 2.9, 4, { rule: 'ipp' }),
		unit('E', 2.9, 5, { rule: 'aspect', aspect: 'II' }),
		unit('F', 2.9, 5, { rule: 'tie' }),
		{ ...unit('G', 2.9, 5, { rule: 'tie' }), complete: false, rank: null, rank_reason: null }
	];
	const notes = tieNotes(units);

	it('explains two units that both show 3,05 but are ranked 2 and 3 with enough decimals', () => {
		expect(notes.get('C')).toEqual({
			kind: 'rounding',
			above: 'Unit B',
			shown: '3,05',
			ipp: '3,050',
			ippAbove: '3,051'
		});
		overwriteGetLocale(() => 'id');
		expect(tieNoteText(notes.get('C')!)).toBe(
			'IPP tampak sama (3,05) dengan Unit B, tetapi IPP penuh lebih rendah: 3,050 dibanding 3,051.'
		);
		overwriteGetLocale(() => 'en');
		expect(tieNoteText(notes.get('C')!)).toBe(
			'Looks the same IPP (3,05) as Unit B, but the full IPP is lower: 3,050 against 3,051.'
		);
	});

	it('names the aspect that broke an exact tie, and a shared rank', () => {
		expect(notes.get('E')).toEqual({ kind: 'aspect', above: 'Unit D', aspect: 'II' });
		overwriteGetLocale(() => 'id');
		expect(tieNoteText(notes.get('E')!, { II: 'Profesionalisme SDM' })).toContain(
			'aspek II (Profesionalisme SDM)'
		);
		overwriteGetLocale(() => 'en');
		expect(tieNoteText(notes.get('E')!, { II: 'Profesionalisme SDM' })).toContain(
			'aspect II (Profesionalisme SDM)'
		);
		expect(notes.get('F')).toEqual({ kind: 'shared', above: 'Unit E', rank: 5 });
	});

	it('says nothing where the shown IPPs differ, for the first unit, or for unranked units', () => {
		expect([...notes.keys()].sort()).toEqual(['C', 'E', 'F']);
	});
});
