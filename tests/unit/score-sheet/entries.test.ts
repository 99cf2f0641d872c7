import { describe, expect, it } from 'vitest';
import { loadShipped } from '../instrument/shipped';
import {
	diffEntries,
	isSheetEditableIn,
	sheetProgress,
	submitProblems,
	type SheetValues
} from '../../../src/lib/domain/score-sheet';

const p17 = loadShipped('permenpan-17-2017');
const p29 = loadShipped('pekppp-29-2022');

function all(def: typeof p17, score: number): SheetValues {
	const v: SheetValues = {};
	for (const a of def.aspects) for (const i of a.indicators) v[i.code] = { score, note: '' };
	return v;
}

describe('submitting a sheet (docs/rules.md §4.1)', () => {
	it('accepts a complete sheet without extremes', () => {
		expect(submitProblems(p17, all(p17, 3))).toEqual([]);
	});

	it('names every missing score and every 0 or 5 without a note, in instrument order', () => {
		const v = all(p17, 2);
		v['1.a.K3'] = { score: null, note: 'lupa' };
		v['1.a.K1'] = { score: 0, note: '  ' };
		v['1.a.K2'] = { score: 5, note: 'Ada bukti foto.' };
		expect(submitProblems(p17, v).map((p) => p.code)).toEqual(['1.a.K1', '1.a.K3']);
		expect(submitProblems(p17, v)[0].message).toContain('catatan');
	});

	it('leaves the weight-0 items of 29/2022 optional but still checks their notes when scored', () => {
		const v = all(p29, 3);
		delete v['INF.01'];
		expect(submitProblems(p29, v)).toEqual([]);
		expect(sheetProgress(p29, v).total).toBe(30);
		v['INF.01'] = { score: 5, note: '' };
		expect(submitProblems(p29, v).map((p) => p.code)).toEqual(['INF.01']);
	});
});

describe('progress and differences', () => {
	it('counts scored required indicators and points to the first one missing', () => {
		const v: SheetValues = { '1.a.K1': { score: 4, note: '' } };
		expect(sheetProgress(p17, v)).toEqual({ scored: 1, total: 37, nextUnscored: '1.a.K2' });
		expect(sheetProgress(p17, all(p17, 1)).nextUnscored).toBeNull();
	});

	it('treats a missing entry as empty and ignores whitespace around notes', () => {
		const before: SheetValues = { '1.a.K1': { score: 3, note: 'ada' } };
		const after: SheetValues = { '1.a.K1': { score: 3, note: 'ada ' }, '1.a.K2': { score: 2, note: '' } };
		expect(diffEntries(p17, before, after)).toEqual([
			{ code: '1.a.K2', before: { score: null, note: '' }, after: { score: 2, note: '' } }
		]);
	});

	it('allows editing only while the period is draft, running or review', () => {
		expect(
			['draft', 'running', 'review', 'published', 'archived'].map((s) => isSheetEditableIn(s as never))
		).toEqual([true, true, true, false, false]);
	});
});
