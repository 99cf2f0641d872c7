import { describe, expect, it } from 'vitest';
import {
	DEFAULT_PERIOD_SETTINGS,
	computePeriodResults
} from '../../../src/lib/domain/scoring/period-results';
import type { SheetAspectSums } from '../../../src/lib/domain/scoring/types';
import {
	awardWinners,
	publicCategories,
	winnersByCategory
} from '../../../src/lib/domain/scoring/public-view';

const aspects = ['I', 'II', 'III', 'IV', 'V', 'VI'].map((code, i) => ({
	code,
	weight: [0.3, 0.18, 0.15, 0.15, 0.15, 0.07][i]
}));
const flat = (visitNo: number, assessorId: string, x: number): SheetAspectSums => ({
	visitNo,
	assessorId,
	aspectSums: Object.fromEntries(aspects.map((a) => [a.code, x]))
});
const unit = (code: string, category: string, x: number | null) => ({
	code,
	name: `Unit ${code}`,
	category,
	sheets: x === null ? [flat(1, 'a', 3)] : [flat(1, 'a', x), flat(2, 'b', x)]
});

const results = computePeriodResults({
	instrument: { aspects },
	settings: DEFAULT_PERIOD_SETTINGS,
	units: [
		unit('K1', 'Kelurahan', 2.92),
		unit('K2', 'Kelurahan', 2.84),
		unit('K3', 'Kelurahan', 2.1),
		unit('K4', 'Kelurahan', null),
		unit('P1', 'Puskesmas', 4.08),
		unit('P2', 'Puskesmas', 4.08)
	]
});

describe('public results view', () => {
	it('lists the ranked units with Indonesian numbers and leaves incomplete units apart', () => {
		const [kel] = publicCategories(results);
		expect(kel.ranked.map((r) => [r.rank, r.code, r.ipp, r.grade, r.award])).toEqual([
			[1, 'K1', '2,92', 'C', 'Terbaik I'],
			[2, 'K2', '2,84', 'C', 'Terbaik II'],
			[3, 'K3', '2,10', 'C-', null]
		]);
		expect(kel.incompleteUnits).toEqual(['Unit K4']);
		expect(kel.stats).toEqual({ mean: '2,62', median: '2,84', min: '2,10', max: '2,92' });
	});

	it('counts units per grade in grade order, zero grades included', () => {
		const [kel] = publicCategories(results);
		expect(kel.grades.map((g) => g.grade)).toEqual(['A', 'A-', 'B', 'B-', 'C', 'C-', 'D', 'E', 'F']);
		expect(kel.grades.find((g) => g.grade === 'C')).toEqual({ grade: 'C', predikat: 'Cukup', count: 2 });
		expect(kel.grades.reduce((n, g) => n + g.count, 0)).toBe(3);
	});

	it('names every award winner, tied winners sharing the label, grouped by category', () => {
		const winners = awardWinners(results);
		expect(winners.map((w) => [w.category, w.code, w.award])).toEqual([
			['Kelurahan', 'K1', 'Terbaik I'],
			['Kelurahan', 'K2', 'Terbaik II'],
			['Puskesmas', 'P1', 'Terbaik I'],
			['Puskesmas', 'P2', 'Terbaik I']
		]);
		expect(winnersByCategory(winners).map((g) => [g.category, g.winners.length])).toEqual([
			['Kelurahan', 2],
			['Puskesmas', 2]
		]);
	});
});
