import { describe, expect, it } from 'vitest';
import {
	filterVisits,
	isOverdue,
	sortVisitsForAssessor,
	type ListedVisit
} from '../../../src/lib/domain/score-sheet';

const v = (
	unitName: string,
	plannedOn: string | null,
	sheetState: ListedVisit['sheetState'],
	periodCode = 'P'
): ListedVisit => ({
	unitName,
	plannedOn,
	sheetState,
	periodCode
});

describe("the assessor's visit list", () => {
	it('lists open visits nearest date first (undated last), then submitted ones most recent first', () => {
		const sorted = sortVisitsForAssessor([
			v('Sent old', '2026-10-01', 'submitted'),
			v('Undated', null, 'not_started'),
			v('Later', '2026-11-20', 'draft'),
			v('Sent new', '2026-11-01', 'submitted'),
			v('Sooner', '2026-11-05', 'not_started')
		]);
		expect(sorted.map((x) => x.unitName)).toEqual(['Sooner', 'Later', 'Undated', 'Sent new', 'Sent old']);
	});

	it('filters by period and state, and flags open visits past their date', () => {
		const list = [v('A', '2026-10-01', 'draft', 'P1'), v('B', '2026-10-01', 'submitted', 'P2')];
		expect(filterVisits(list, { period: 'P1', state: null }).map((x) => x.unitName)).toEqual(['A']);
		expect(filterVisits(list, { period: null, state: 'submitted' }).map((x) => x.unitName)).toEqual(['B']);
		expect(isOverdue(list[0], '2026-11-22')).toBe(true);
		expect(isOverdue(list[1], '2026-11-22')).toBe(false);
	});
});
