import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/test-db';
import { findOrCreateCategory, insertUnit } from '../../../src/lib/server/units/unit.repository';
import { loadUnitList, UNITS_PER_PAGE } from '../../../src/lib/server/units/unit-list.service';

// The office's unit lists (/admin/unit and /admin/survei both read loadUnitList) search, filter
// and page on the server: a national catalogue is never sent whole to the browser.

let t: TestDb;
afterEach(async () => t?.cleanup());
const NOW = new Date('2026-12-01T00:00:00Z');

async function catalogue(kelurahan: number, puskesmas: number) {
	const kel = await findOrCreateCategory(t.db, 'Kelurahan', 1);
	const pkm = await findOrCreateCategory(t.db, 'Puskesmas', 2);
	const add = (code: string, name: string, categoryId: number) =>
		insertUnit(t.db, { code, name, categoryId, surveyToken: `tok-${code}` }, NOW);
	for (let i = 1; i <= kelurahan; i++) await add(`KEL-${String(i).padStart(3, '0')}`, `Kelurahan ${i}`, kel);
	for (let i = 1; i <= puskesmas; i++)
		await add(`PKM-${String(i).padStart(3, '0')}`, `Puskesmas Sehat ${i}`, pkm);
	await t.db.updateTable('unit').set({ active: 0 }).where('code', '=', 'PKM-001').execute();
	return { kel, pkm };
}

const list = (query: string) => loadUnitList(t.db, new URLSearchParams(query));

describe('the office unit lists', () => {
	it('sends one page of units at a time, in category order, and says how many there are', async () => {
		t = await createTestDb();
		await catalogue(40, 5);
		const first = await list('');
		expect(first).toMatchObject({ total: 44, page: 1, pages: 2 });
		expect(first.units).toHaveLength(UNITS_PER_PAGE);
		expect(first.units[0].code).toBe('KEL-001');
		const second = await list('hal=2');
		expect(second.units.map((u) => u.code)).toEqual([
			...Array.from({ length: 10 }, (_, i) => `KEL-${String(31 + i).padStart(3, '0')}`),
			'PKM-002',
			'PKM-003',
			'PKM-004',
			'PKM-005'
		]);
		// A page past the end reads as the last; a broken one as the first.
		expect((await list('hal=99')).page).toBe(2);
		expect((await list('hal=-3')).page).toBe(1);
	});

	it('searches code and name, filters by category, and shows inactive units only on request', async () => {
		t = await createTestDb();
		const { pkm } = await catalogue(40, 5);
		expect((await list('q=sehat')).units.map((u) => u.code)).toEqual([
			'PKM-002',
			'PKM-003',
			'PKM-004',
			'PKM-005'
		]);
		expect((await list('q=kel-04')).units.map((u) => u.code)).toEqual(['KEL-040']);
		expect((await list(`kategori=${pkm}&nonaktif=1`)).units.map((u) => [u.code, u.active])).toEqual([
			['PKM-001', false],
			['PKM-002', true],
			['PKM-003', true],
			['PKM-004', true],
			['PKM-005', true]
		]);
		const none = await list('q=tidak-ada');
		expect(none).toMatchObject({ total: 0, units: [], page: 1, pages: 1, filter: { q: 'tidak-ada' } });
		expect((await list('kategori=abc')).total).toBe(44);
	});
});
