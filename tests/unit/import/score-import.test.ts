import { describe, expect, it } from 'vitest';
import { ScoreImport, scoreImportPlan } from '../../../src/lib/domain/import/score-import';
import { sheetAspectSums } from '../../../src/lib/domain/scoring/aspect-scores';
import { scoredIndicators } from '../../../src/lib/domain/instrument/queries';
import { loadShipped } from '../instrument/shipped';

const def = loadShipped('pekppp-29-2022');
const plan = scoreImportPlan(def);
const scored = scoredIndicators(def).map((i) => i.code);
const header = ['unit_code', 'visit_no', 'assessor_email', 'indicator_code', 'score', 'note'];

function run(rows: string[][]) {
	const imp = new ScoreImport(plan, (code) => (code === 'U1' ? null : `unit "${code}" tidak dikenal`));
	imp.header(header, 1);
	rows.forEach((r, i) => imp.accept(r, i + 2));
	imp.checkSheetsComplete();
	return imp;
}

describe('score import rules', () => {
	it('accepts a full sheet without the optional weight-0 indicator and keeps its scores', () => {
		const imp = run(scored.map((c) => ['U1', '1', 'A@x.id', c, '3', '']));
		expect(imp.problems).toEqual([]);
		expect(imp.sheetCount).toBe(1);
		expect(imp.sheetEmail[0]).toBe('a@x.id');
		const scores = imp.sheetScores(0);
		expect(sheetAspectSums(def, scores)).toEqual(
			sheetAspectSums(def, Object.fromEntries(scored.map((c) => [c, 3])))
		);
	});

	it('cites a sheet that misses a scored indicator at its first row', () => {
		const imp = run(scored.slice(1).map((c) => ['U1', '2', 'a@x.id', c, '4', '']));
		expect(imp.problems).toEqual([
			{ line: 2, reason: `lembar unit U1 kunjungan 2 penilai a@x.id belum menilai 1 indikator: ${scored[0]}` }
		]);
	});

	it('treats the header in any column order and refuses unknown columns', () => {
		const imp = new ScoreImport(plan, () => null);
		expect(imp.header(['score', 'indicator_code', 'assessor_email', 'visit_no', 'unit_code'], 1)).toBe(true);
		const bad = new ScoreImport(plan, () => null);
		expect(bad.header(['unit_code', 'kunjungan'], 1)).toBe(false);
		expect(bad.problems[0].reason).toMatch(
			/kolom "kunjungan" tidak dikenal; kolom wajib tidak ada: visit_no/
		);
	});

	it('keeps the first problems it is told to keep, counts every one, and still refuses each bad row', () => {
		const imp = new ScoreImport(plan, (code) => `unit "${code}" tidak dikenal`, 2);
		imp.header(header, 1);
		const accepted = ['X1', 'X2', 'X3'].map((u, i) =>
			imp.accept([u, '1', 'a@x.id', scored[0], '3', ''], i + 2)
		);
		expect(accepted).toEqual([null, null, null]);
		expect(imp.problemCount).toBe(3);
		expect(imp.problems).toEqual([
			{ line: 2, reason: 'unit "X1" tidak dikenal' },
			{ line: 3, reason: 'unit "X2" tidak dikenal' }
		]);
	});

	it('skips blank rows without a problem', () => {
		const imp = run([['', '', '', '', '', ''], ...scored.map((c) => ['U1', '1', 'a@x.id', c, '2', ''])]);
		expect(imp.problems).toEqual([]);
	});

	it('refuses a note holding a NUL or a bidi override, citing its line and column', () => {
		const rows = scored.map((c) => ['U1', '1', 'a@x.id', c, '3', '']);
		rows[2][5] = 'lihat \u202egpj.exe';
		const imp = run(rows);
		expect(imp.problems).toEqual([
			{ line: 4, reason: 'kolom note berisi karakter kendali atau pembalik arah teks yang tidak diizinkan' }
		]);
	});
});
