import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/test-db';
import { seedInstruments } from '../../../db/seeds/demo-city';
import { findOrCreateCategory, insertUnit } from '../../../src/lib/server/units/unit.repository';
import { findPeriodByCode } from '../../../src/lib/server/periods/period.repository';
import { listPeriodUnitSuggestions } from '../../../src/lib/server/survey/survey-period.repository';
import { createDefaultPeriod } from '../support/periods';
import {
	countPeriodSurveyUnits,
	listPeriodSurveyUnitsPage,
	listStaffedPeriodSurveyUnits
} from '../../../src/lib/server/survey/survey-period.repository';
import { insertUser } from '../../../src/lib/server/accounts/user.repository';
import { assignEnumerator } from '../../../src/lib/server/enumerators/enumerator.repository';

// The unit fields of the office's forms (paper survey entry, calibration anchors, visit
// assignment) suggest a few of the period's units that match what is typed, instead of listing
// the whole catalogue with the page.

let t: TestDb;
afterEach(async () => t?.cleanup());
const NOW = new Date('2026-12-01T00:00:00Z');

async function periodWithUnits(): Promise<number> {
	t = await createTestDb();
	await seedInstruments(t.db, NOW);
	const kel = await findOrCreateCategory(t.db, 'Kelurahan', 1);
	const pkm = await findOrCreateCategory(t.db, 'Puskesmas', 2);
	const add = (code: string, name: string, categoryId: number) =>
		insertUnit(t.db, { code, name, categoryId, surveyToken: `tok-${code}` }, NOW);
	for (let i = 1; i <= 30; i++) await add(`KEL-${String(i).padStart(2, '0')}`, `Kelurahan ${i}`, kel);
	await add('PKM-01', 'Puskesmas Kelurahan Baru', pkm);
	await add('PKM-02', 'Puskesmas Gondokusuman', pkm);
	await add('PKM_3', 'Puskesmas 100% Sehat', pkm);
	await createDefaultPeriod(t.db, { code: 'UJI-2026', instrument: 'permenpan-17-2017' }, NOW);
	// a unit added once the period is in review is not one of its units
	await t.db.updateTable('period').set({ status: 'review' }).where('code', '=', 'UJI-2026').execute();
	await add('PKM-99', 'Puskesmas Baru', pkm);
	return (await findPeriodByCode(t.db, 'UJI-2026'))!.id;
}

describe('unit suggestions of a period', () => {
	it('gives at most the limit, codes that start with the query first, then by code', async () => {
		const period = await periodWithUnits();
		const found = await listPeriodUnitSuggestions(t.db, period, 'kel', 5);
		expect(found.map((u) => u.code)).toEqual(['KEL-01', 'KEL-02', 'KEL-03', 'KEL-04', 'KEL-05']);
		expect(found[0]).toEqual({ code: 'KEL-01', name: 'Kelurahan 1', category: 'Kelurahan' });
		// "kelurahan" is in the name of PKM-01 too; the codes that start with it come first
		const all = await listPeriodUnitSuggestions(t.db, period, 'KEL', 50);
		expect(all).toHaveLength(31);
		expect(all.at(-1)!.code).toBe('PKM-01');
	});

	it('matches part of a name in any case, and only the units of the period', async () => {
		const period = await periodWithUnits();
		expect((await listPeriodUnitSuggestions(t.db, period, 'gondo', 20)).map((u) => u.code)).toEqual([
			'PKM-02'
		]);
		expect((await listPeriodUnitSuggestions(t.db, period, 'baru', 20)).map((u) => u.code)).toEqual([
			'PKM-01'
		]);
		expect(await listPeriodUnitSuggestions(t.db, period, 'tidak ada', 20)).toEqual([]);
	});

	it('takes % and _ as the characters they are, not as patterns', async () => {
		const period = await periodWithUnits();
		expect((await listPeriodUnitSuggestions(t.db, period, '100%', 20)).map((u) => u.code)).toEqual(['PKM_3']);
		expect((await listPeriodUnitSuggestions(t.db, period, 'pkm_', 20)).map((u) => u.code)).toEqual(['PKM_3']);
	});

	it('lists the first units by code when nothing is typed yet', async () => {
		const period = await periodWithUnits();
		expect((await listPeriodUnitSuggestions(t.db, period, '', 3)).map((u) => u.code)).toEqual([
			'KEL-01',
			'KEL-02',
			'KEL-03'
		]);
	});
});

// The enumerator roster ticks units from a searched page of the period's units and lists only
// the units that have an enumerator.
describe("the period's survey units, searched and paged", () => {
	it('counts and pages the matching units in category order', async () => {
		const period = await periodWithUnits();
		const pkm = (
			await t.db.selectFrom('category').select('id').where('name', '=', 'Puskesmas').executeTakeFirstOrThrow()
		).id;
		expect(await countPeriodSurveyUnits(t.db, period, {})).toBe(33);
		expect(await countPeriodSurveyUnits(t.db, period, { query: 'kelurahan' })).toBe(31);
		expect(await countPeriodSurveyUnits(t.db, period, { categoryId: pkm })).toBe(3);
		const page = (offset: number) =>
			listPeriodSurveyUnitsPage(t.db, period, {}, { limit: 10, offset }).then((us) => us.map((u) => u.code));
		expect(await page(0)).toEqual(
			Array.from({ length: 10 }, (_, i) => `KEL-${String(i + 1).padStart(2, '0')}`)
		);
		expect(await page(30)).toEqual(['PKM-01', 'PKM-02', 'PKM_3']);
		const both = await listPeriodSurveyUnitsPage(
			t.db,
			period,
			{ query: 'kelurahan', categoryId: pkm },
			{ limit: 10, offset: 0 }
		);
		expect(both.map((u) => u.code)).toEqual(['PKM-01']);
	});

	it('lists the units that have an enumerator, each once', async () => {
		const period = await periodWithUnits();
		const user = await insertUser(
			t.db,
			{ email: 'enum@x.id', name: 'Enum', role: 'enumerator', passwordHash: null },
			NOW
		);
		const other = await insertUser(
			t.db,
			{ email: 'enum2@x.id', name: 'Enum 2', role: 'enumerator', passwordHash: null },
			NOW
		);
		const unitId = async (code: string) =>
			(await t.db.selectFrom('unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
		for (const [code, userId] of [
			['PKM-02', user],
			['KEL-07', user],
			['KEL-07', other]
		] as const)
			await assignEnumerator(t.db, { periodId: period, unitId: await unitId(code), userId });
		expect((await listStaffedPeriodSurveyUnits(t.db, period)).map((u) => u.code)).toEqual([
			'KEL-07',
			'PKM-02'
		]);
	});
});
