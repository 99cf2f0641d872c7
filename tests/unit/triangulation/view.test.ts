import { describe, expect, it } from 'vitest';
import {
	readSort,
	sortTriangulation,
	triangulateCategory,
	triangulationRow,
	type TriangulationInput
} from '../../../src/lib/domain/triangulation';

const figures = (received: number, closed: number, medianDays: number | null) => ({
	received,
	closed,
	shareClosed: closed / received,
	medianDays
});

const units: TriangulationInput[] = [
	{ code: 'A', name: 'Alfa', ipp: 4.2, aspectV: 4.5, ikm: 2.5, u8: 2.25, complaints: figures(10, 2, 12) },
	{ code: 'B', name: 'Beta', ipp: 3.1, aspectV: 3, ikm: 3.6, u8: 3.5, complaints: figures(8, 8, 1.5) },
	{ code: 'C', name: 'Cempaka', ipp: null, aspectV: 2.456, ikm: 3.2, u8: 3, complaints: figures(3, 1, 4) },
	{ code: 'D', name: 'Delima', ipp: 3.5, aspectV: null, ikm: null, u8: null, complaints: null }
];
const tri = triangulateCategory(units);

describe('triangulation table', () => {
	it('reads the sort from the address, defaulting to the flagged units first', () => {
		expect(readSort(null, null)).toEqual({ key: 'gap', dir: 'desc' });
		expect(readSort('unit', null)).toEqual({ key: 'unit', dir: 'asc' });
		expect(readSort('ikm', 'asc')).toEqual({ key: 'ikm', dir: 'asc' });
		expect(readSort('DROP TABLE', 'sideways')).toEqual({ key: 'gap', dir: 'desc' });
	});

	it('sorts both ways and always puts units without the value last', () => {
		const codes = (key: Parameters<typeof sortTriangulation>[1], dir: 'asc' | 'desc') =>
			sortTriangulation(tri, key, dir).map((u) => u.code);
		expect(codes('ipp', 'desc')).toEqual(['A', 'D', 'B', 'C']);
		expect(codes('ipp', 'asc')).toEqual(['B', 'D', 'A', 'C']);
		expect(codes('ikm', 'asc')).toEqual(['A', 'C', 'B', 'D']);
		expect(codes('unit', 'desc')).toEqual(['D', 'C', 'B', 'A']);
		expect(codes('days', 'asc')).toEqual(['B', 'C', 'A', 'D']);
		// A and B disagree by 100 points (ties keep the name order); C and D agree.
		expect(codes('gap', 'desc')).toEqual(['A', 'B', 'C', 'D']);
	});

	it('formats the row in Indonesian notation and explains each flag by its high and low signal', () => {
		const a = triangulationRow(tri[0]);
		expect(a).toMatchObject({
			ipp: '4,20',
			aspectV: '4,50',
			ikm: '62,50',
			u8: '2,25',
			pr: { ipp: '100', ikm: '0', complaints: '0' },
			received: 10,
			closed: 2,
			shareClosed: '20',
			medianDays: '12,0',
			tooFewComplaints: false,
			comparable: true
		});
		expect(a.reasons).toEqual([
			{ high: 'ipp', low: 'ikm', highPr: '100', lowPr: '0' },
			{ high: 'ipp', low: 'complaints', highPr: '100', lowPr: '0' }
		]);
		const c = triangulationRow(tri[2]);
		expect(c).toMatchObject({
			ipp: null,
			aspectV: '2,46',
			tooFewComplaints: true,
			reasons: [],
			comparable: false
		});
		expect(c.pr.complaints).toBeNull();
		expect(triangulationRow(tri[3])).toMatchObject({ received: 0, shareClosed: null, medianDays: null });
	});
});
