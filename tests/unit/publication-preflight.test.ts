import { describe, expect, it } from 'vitest';
import {
	describeFinding,
	parsePreflightClasses,
	summariseConfirmed,
	unconfirmedFindings,
	type PreflightFinding
} from '../../src/lib/domain/publication/preflight';
import { awardsWithheldReason } from '../../src/lib/domain/scoring/awards';
import { computePeriodResults } from '../../src/lib/domain/scoring/period-results';

const findings: PreflightFinding[] = [
	{ class: 'no-awards', items: [{ subject: 'Kelurahan', detail: 'Hanya 2 unit diperingkat' }] },
	{ class: 'drafts', items: [] },
	{ class: 'incomplete', items: [{ subject: 'KEL-03', detail: 'kurang 1 kunjungan' }] }
];

describe('publication preflight (docs/rules.md §8.1)', () => {
	it('parses a confirmation list and keeps unknown class names apart', () => {
		expect(parsePreflightClasses(' incomplete, flags,incomplete,,flag ')).toEqual({
			classes: ['incomplete', 'flags'],
			unknown: ['flag']
		});
	});

	it('needs every non-empty class confirmed, in class order, and ignores empty ones', () => {
		expect(unconfirmedFindings(findings, []).map((f) => f.class)).toEqual(['incomplete', 'no-awards']);
		expect(unconfirmedFindings(findings, ['no-awards']).map((f) => f.class)).toEqual(['incomplete']);
		expect(unconfirmedFindings(findings, ['incomplete', 'no-awards'])).toEqual([]);
	});

	it('prints one line per item and records counts of the confirmed classes', () => {
		expect(describeFinding(findings[2])).toEqual(['incomplete: KEL-03 kurang 1 kunjungan']);
		expect(summariseConfirmed(findings).map((c) => [c.class, c.count])).toEqual([
			['incomplete', 1],
			['no-awards', 1]
		]);
	});
});

describe('awards need a field (docs/rules.md §8.2)', () => {
	const unit = (code: string, s: number) => ({
		code,
		name: code,
		category: 'Kelurahan',
		sheets: [1, 2].map((visitNo) => ({ visitNo, assessorId: visitNo, aspectSums: { I: s } }))
	});
	const results = (n: number, minRankedForAwards?: number) =>
		computePeriodResults({
			instrument: { aspects: [{ code: 'I', weight: 1 }] },
			settings: {
				requiredVisits: 2,
				requiredAssessors: 2,
				awardsPerCategory: 2,
				awardMinGrade: null,
				minRankedForAwards
			},
			units: Array.from({ length: n }, (_, i) => unit(`K-${i}`, 4 - i * 0.5))
		}).categories[0];

	it('names no award below the minimum and says why', () => {
		const two = results(2, 3);
		expect(two.units.map((u) => u.award)).toEqual([null, null]);
		expect(two.units.map((u) => u.rank)).toEqual([1, 2]);
		expect(two.awards_withheld).toBe(
			'Hanya 2 unit diperingkat; penghargaan diberikan bila sekurang-kurangnya 3 unit diperingkat.'
		);
	});

	it('names winners from the minimum up, and leaves awards_withheld out of the JSON', () => {
		const three = results(3, 3);
		expect(three.units.map((u) => u.award)).toEqual(['Terbaik I', 'Terbaik II', null]);
		expect('awards_withheld' in three).toBe(false);
		expect(JSON.stringify(three)).not.toContain('awards_withheld');
	});

	it('does not call a period without awards a withholding', () => {
		expect(awardsWithheldReason(1, 3, 0)).toBeNull();
		expect(awardsWithheldReason(0, 3, 2)).toContain('Belum ada unit yang diperingkat');
	});
});

describe('provisional award labels (docs/rules.md §8.2)', () => {
	it('shows only candidates before publication', async () => {
		const { shownAward } = await import('../../src/lib/domain/scoring/awards');
		const { publicCategories, awardWinners } = await import('../../src/lib/domain/scoring/public-view');
		expect(shownAward('Terbaik I', true)).toBe('calon Terbaik I');
		expect(shownAward('Terbaik I', false)).toBe('Terbaik I');
		expect(shownAward(null, true)).toBeNull();
		const results = computePeriodResults({
			instrument: { aspects: [{ code: 'I', weight: 1 }] },
			settings: { requiredVisits: 1, requiredAssessors: 1, awardsPerCategory: 1, awardMinGrade: null },
			units: [
				{ code: 'A', name: 'A', category: 'K', sheets: [{ visitNo: 1, assessorId: 1, aspectSums: { I: 4 } }] }
			]
		});
		expect(publicCategories(results, true)[0].ranked[0].award).toBe('calon Terbaik I');
		expect(awardWinners(results, true)[0].award).toBe('calon Terbaik I');
		expect(publicCategories(results)[0].ranked[0].award).toBe('Terbaik I');
	});
});
