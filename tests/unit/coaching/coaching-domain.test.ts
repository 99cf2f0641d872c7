import { describe, expect, it } from 'vitest';
import {
	DEFAULT_COACHING_RULE,
	canMovePlan,
	defaultAction,
	groupCoachingByUnit,
	canReportProgress,
	canVerify,
	isOverdue,
	latestFollowUpScores,
	parseCoachingRule,
	planCompletionBlocker,
	selectUnitsForCoaching
} from '../../../src/lib/domain/coaching';
import { buildTrend, radarPolygon, reportCardAccess } from '../../../src/lib/domain/report-card';
import { sniffFileType } from '../../../src/lib/domain/files/sniff';
import type { PeriodResults, UnitResult } from '../../../src/lib/domain/scoring';

const unit = (
	code: string,
	ipp: number,
	rank: number | null,
	aspects: Record<string, number> = { I: 4 }
): UnitResult => ({
	code,
	name: code,
	ipp,
	ipp_display: null,
	grade: null,
	predikat: null,
	rank,
	complete: rank !== null,
	award: null,
	aspects,
	visits: 2,
	assessors: 2,
	rank_reason: null,
	lacking: null
});
const results = (units: UnitResult[]): PeriodResults =>
	({ categories: [{ name: 'Kelurahan', count: units.length, units }] }) as unknown as PeriodResults;

describe('coaching rule', () => {
	it('reads the stored default and refuses what it does not understand', () => {
		expect(parseCoachingRule('{"kind":"threshold","maxIpp":3,"aspectFloor":2.51}')).toEqual(
			DEFAULT_COACHING_RULE
		);
		expect(parseCoachingRule('{"kind":"bottom","k":2}')).toEqual({ kind: 'bottom', k: 2 });
		expect(parseCoachingRule('{"kind":"bottom","k":0}')).toBeNull();
		expect(parseCoachingRule('{"kind":"threshold","maxIpp":"3"}')).toBeNull();
		expect(parseCoachingRule('nonsense')).toBeNull();
	});

	it('compares two-decimal values: 3.004 counts as 3,00 and 2.505 as 2,51', () => {
		const r = selectUnitsForCoaching(
			DEFAULT_COACHING_RULE,
			results([
				unit('A', 3.004, 1),
				unit('B', 3.006, 2),
				unit('C', 4, 3, { I: 2.505 }),
				unit('D', 4, 4, { I: 2.5049 })
			])
		);
		expect(r.map((c) => c.unitCode)).toEqual(['A', 'D']);
	});

	it('never selects incomplete units', () => {
		expect(selectUnitsForCoaching(DEFAULT_COACHING_RULE, results([unit('A', 1, null)]))).toEqual([]);
	});

	it('takes the bottom K by rank including ties at the cut', () => {
		const r = selectUnitsForCoaching(
			{ kind: 'bottom', k: 2 },
			results([unit('A', 4, 1), unit('B', 3, 2), unit('C', 3, 2)])
		);
		expect(r.map((c) => c.unitCode)).toEqual(['B', 'C']);
	});
});

describe('plan and item states', () => {
	it('allows only sensible plan transitions', () => {
		expect(canMovePlan('draft', 'active')).toBe(true);
		expect(canMovePlan('draft', 'completed')).toBe(false);
		expect(canMovePlan('active', 'completed')).toBe(true);
		expect(canMovePlan('completed', 'active')).toBe(false);
		expect(canMovePlan('cancelled', 'active')).toBe(false);
	});

	it('lets the unit head report only on active plans and never past verification', () => {
		expect(canReportProgress('active', 'open', 'done')).toBe(true);
		expect(canReportProgress('draft', 'open', 'done')).toBe(false);
		expect(canReportProgress('active', 'verified', 'in_progress')).toBe(false);
		expect(canVerify('active', 'done')).toBe(true);
		expect(canVerify('active', 'in_progress')).toBe(false);
	});

	it('completes a plan only when every item is verified', () => {
		expect(planCompletionBlocker([{ status: 'verified' }, { status: 'done' }])).toEqual({
			kind: 'unverified',
			count: 1
		});
		expect(planCompletionBlocker([])).toEqual({ kind: 'no_items' });
		expect(planCompletionBlocker([{ status: 'verified' }])).toBeNull();
	});

	it('marks open work past its due date as overdue, not finished work', () => {
		expect(isOverdue({ status: 'open', dueOn: '2026-11-21' }, '2026-11-22')).toBe(true);
		expect(isOverdue({ status: 'done', dueOn: '2026-11-21' }, '2026-11-22')).toBe(false);
		expect(isOverdue({ status: 'in_progress', dueOn: '2026-11-22' }, '2026-11-22')).toBe(false);
	});

	it('takes the after score from the latest follow-up visit, averaging its sheets', () => {
		const m = latestFollowUpScores([
			{ indicatorId: 1, visitNo: 1, score: 2 },
			{ indicatorId: 1, visitNo: 2, score: 3 },
			{ indicatorId: 1, visitNo: 2, score: 4 }
		]);
		expect(m.get(1)).toEqual({ score: 3.5, visitNo: 2 });
	});
});

describe('report card helpers', () => {
	it('decides access: admin/viewer always, own head once published, others refused', () => {
		expect(reportCardAccess({ role: 'viewer' }, false, false)).toBe('allow');
		expect(reportCardAccess({ role: 'unit_head' }, true, false)).toBe('not_found');
		expect(reportCardAccess({ role: 'unit_head' }, true, true)).toBe('allow');
		expect(reportCardAccess({ role: 'unit_head' }, false, true)).toBe('forbidden');
		expect(reportCardAccess({ role: 'assessor' }, false, true)).toBe('forbidden');
	});

	it('marks a change of instrument in the trend and skips periods without an IPP', () => {
		const p = (code: string, inst: string, ipp: number | null) => ({
			periodCode: code,
			periodName: code,
			instrumentCode: inst,
			ipp,
			grade: null,
			rank: null,
			rankedCount: 0
		});
		const t = buildTrend([p('A', 'x', 3), p('B', 'x', null), p('C', 'y', 3.5), p('D', 'y', 3.6)]);
		expect(t.map((x) => [x.periodCode, x.instrumentChanged])).toEqual([
			['A', false],
			['C', true],
			['D', false]
		]);
	});

	it('puts radar points on their axis at value/5 of the radius', () => {
		const [top, right] = radarPolygon(100, 100, 50, [5, 2.5, 0, 0]);
		expect(top.x).toBeCloseTo(100);
		expect(top.y).toBeCloseTo(50);
		expect(right.x).toBeCloseTo(125);
		expect(right.y).toBeCloseTo(100);
	});

	it('recognises images and PDFs by content, not by name', () => {
		expect(sniffFileType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
		expect(sniffFileType(new TextEncoder().encode('%PDF-1.7'))).toBe('application/pdf');
		expect(sniffFileType(new TextEncoder().encode('<svg></svg>'))).toBeNull();
	});
});

describe('default coaching action', () => {
	it('says what to add when the target level builds on a lower one, with the current level beside it', () => {
		expect(
			defaultAction(4, 'Seperti level 3 ditambah air minum.', {
				score: 3,
				descriptor: 'Televisi, bahan bacaan, dan AC atau sirkulasi udara.'
			})
		).toBe(
			'Tambahkan air minum untuk mencapai level 4. Kini level 3: Televisi, bahan bacaan, dan AC atau sirkulasi udara.'
		);
	});

	it('states a self-contained target descriptor as the level to reach, with a fractional current level', () => {
		expect(
			defaultAction(3, 'SP ditetapkan untuk seluruh layanan', {
				score: 2.5,
				descriptor: 'SP ditetapkan untuk sebagian layanan.'
			})
		).toBe(
			'Wujudkan level 3: SP ditetapkan untuk seluruh layanan. Kini level 2,50: SP ditetapkan untuk sebagian layanan.'
		);
	});

	it('never reads "Level 3 ditambah" as the action', () => {
		const action = defaultAction(5, 'Seperti level 4, ditambah monitoring dan evaluasi atas penerapannya.');
		expect(action).toBe('Tambahkan monitoring dan evaluasi atas penerapannya untuk mencapai level 5.');
		expect(action).not.toMatch(/level 4/i);
	});

	it('falls back to the level number when the instrument has no descriptor', () => {
		expect(defaultAction(2, '  ', { score: 1, descriptor: '' })).toBe(
			'Penuhi deskriptor level 2 indikator ini. Kini level 1.'
		);
	});
});

describe('coaching of a head of several units', () => {
	it('gathers plans and overdue items under each unit, units by name, newest period first', () => {
		const plans = [
			{ id: 1, unitCode: 'RS-B', unitName: 'RSUD Bahagia', periodCode: 'MPP-2025' },
			{ id: 2, unitCode: 'RS-A', unitName: 'RSUD Anggrek', periodCode: 'MPP-2025' },
			{ id: 3, unitCode: 'RS-B', unitName: 'RSUD Bahagia', periodCode: 'MPP-2026' }
		];
		const overdue = [
			{ itemId: 9, unitCode: 'RS-B' },
			{ itemId: 8, unitCode: 'RS-A' },
			{ itemId: 7, unitCode: 'RS-X' }
		];
		const units = groupCoachingByUnit(plans, overdue);
		expect(units.map((u) => [u.unitCode, u.plans.map((p) => p.id), u.overdue.map((o) => o.itemId)])).toEqual([
			['RS-A', [2], [8]],
			['RS-B', [3, 1], [9]]
		]);
	});
});
