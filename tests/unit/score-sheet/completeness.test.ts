import { describe, expect, it } from 'vitest';
import { completenessOf, listProblems } from '../../../src/lib/domain/score-sheet';

const inds = [
	{ code: 'A', required: true },
	{ code: 'B', required: true },
	{ code: 'C', required: false }
];

describe('sheet completeness (docs/rules.md §4.1, shared by device and server)', () => {
	it('does not count a 5 without its note as complete', () => {
		const c = completenessOf(inds, { A: { score: 5, note: '' }, B: { score: 3, note: '' } });
		expect(c).toEqual({ complete: 1, total: 2, problems: 1, missingNotes: 1, submittable: false });
	});

	it('is submittable only when every required indicator is scored and 0 and 5 carry notes', () => {
		const c = completenessOf(inds, { A: { score: 0, note: 'tidak ada SOP' }, B: { score: 3, note: '' } });
		expect(c).toMatchObject({ complete: 2, total: 2, submittable: true });
	});

	it('holds an optional indicator scored 5 without a note against submission', () => {
		const values = { A: { score: 1, note: '' }, B: { score: 2, note: '' }, C: { score: 5, note: ' ' } };
		expect(completenessOf(inds, values)).toMatchObject({ complete: 2, submittable: false, missingNotes: 1 });
		expect(listProblems(inds, values).map((p) => p.code)).toEqual(['C']);
	});

	it('names every unscored required indicator', () => {
		expect(listProblems(inds, {}).map((p) => p.message)).toEqual([
			'A: nilai belum dipilih.',
			'B: nilai belum dipilih.'
		]);
	});
});
