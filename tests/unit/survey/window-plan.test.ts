import { describe, expect, it } from 'vitest';
import {
	defaultSurveyWindow,
	isLoopbackOrigin,
	overlappingPeriod,
	windowsOverlap
} from '../../../src/lib/domain/survey';

const p = (id: number, from: string, to: string) => ({ id, code: `P${id}`, name: `Periode ${id}`, from, to });

describe('survey windows of periods', () => {
	it('counts a shared first or last day as an overlap', () => {
		expect(
			windowsOverlap({ from: '2026-01-01', to: '2026-03-31' }, { from: '2026-03-31', to: '2026-06-30' })
		).toBe(true);
		expect(
			windowsOverlap({ from: '2026-01-01', to: '2026-03-31' }, { from: '2026-04-01', to: '2026-06-30' })
		).toBe(false);
		expect(
			windowsOverlap({ from: '2026-02-01', to: '2026-02-10' }, { from: '2026-01-01', to: '2026-12-31' })
		).toBe(true);
	});

	it('names the other period, never the one being edited', () => {
		const periods = [p(1, '2026-01-01', '2026-06-30'), p(2, '2026-07-01', '2026-12-31')];
		expect(overlappingPeriod({ from: '2026-06-01', to: '2026-09-30' }, periods, 2)?.code).toBe('P1');
		expect(overlappingPeriod({ from: '2026-07-01', to: '2026-09-30' }, periods, 2)).toBeNull();
	});

	it('starts a new default window the day after the latest one ends', () => {
		const existing = [p(1, '2025-01-01', '2025-12-31'), p(2, '2026-01-01', '2026-06-30')];
		expect(defaultSurveyWindow({ startsOn: '2026-05-01', endsOn: '2026-09-30' }, existing)).toEqual({
			from: '2026-07-01',
			to: '2026-09-30'
		});
		// no earlier window in the way: the period's own dates
		expect(defaultSurveyWindow({ startsOn: '2027-01-01', endsOn: '2027-03-31' }, existing)).toEqual({
			from: '2027-01-01',
			to: '2027-03-31'
		});
		expect(defaultSurveyWindow({ startsOn: '2026-01-01', endsOn: '2026-03-31' }, [])).toEqual({
			from: '2026-01-01',
			to: '2026-03-31'
		});
		// a period that ends before the latest window does: a one-day window after it, never reversed
		expect(defaultSurveyWindow({ startsOn: '2026-02-01', endsOn: '2026-03-31' }, existing)).toEqual({
			from: '2026-07-01',
			to: '2026-07-01'
		});
	});
});

describe('the poster address', () => {
	it('warns for addresses that only work on the server itself', () => {
		for (const o of [
			'http://127.0.0.1:3000',
			'http://localhost:3000',
			'http://[::1]:3000',
			'http://0.0.0.0',
			'nonsense'
		])
			expect(isLoopbackOrigin(o), o).toBe(true);
		for (const o of ['https://rapor.kotacontoh.go.id', 'http://10.0.0.5:3000', 'http://192.168.1.20'])
			expect(isLoopbackOrigin(o), o).toBe(false);
	});
});
