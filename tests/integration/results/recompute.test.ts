import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../support/test-db';
import { exampleWithAdmin, NOW } from '../publication/support';
import { loadResultsJson } from '../../../src/lib/server/results/results.service';
import { editUnit, setUnitActive } from '../../../src/lib/server/units/unit-catalog.service';
import { applyUnitImport } from '../../../src/lib/server/units/unit-import.service';
import { saveCategory } from '../../../src/lib/server/units/category.service';
import { changePeriodStatus } from '../../../src/lib/server/periods/period-admin.service';
import { resolveDisagreement } from '../../../src/lib/server/review/flag-resolution.service';
import { reviewPeriodScores } from '../../../src/lib/server/review/score-review.service';
import { findUnitByCode } from '../../../src/lib/server/units/unit-catalog.repository';
import { findCategoryByName } from '../../../src/lib/server/units/category.repository';
import { findPeriodByCode } from '../../../src/lib/server/periods/period.repository';
import { findCachedResults } from '../../../src/lib/server/results/result-cache.repository';
import { readTableBytes } from '../../../src/lib/server/files/table-file';

// docs/rules.md §8.8: results are recomputed after every change that affects them, through the real
// services (each test first reads the results, so a stale cache row exists to be noticed).

interface Doc {
	period: { status: string };
	categories: { name: string; units: { code: string; name: string }[] }[];
}

let t: TestDb;
let adminId: number;
beforeEach(async () => {
	({ t, adminId } = await exampleWithAdmin());
	await results();
});
afterEach(() => t.cleanup());

async function results(): Promise<Doc> {
	return JSON.parse((await loadResultsJson(t.db, 'P1', NOW))!.json) as Doc;
}
const unit = (doc: Doc, code: string) => doc.categories.flatMap((c) => c.units).find((u) => u.code === code);

describe('results follow every change that affects them', () => {
	it('shows a renamed unit under its new name and code', async () => {
		const u = (await findUnitByCode(t.db, 'PKM-A'))!;
		const r = await editUnit(
			t.db,
			'PKM-A',
			{
				code: 'PKM-A1',
				name: 'UPTD Puskesmas Sukamaju',
				categoryId: u.categoryId,
				parentCode: null,
				address: null,
				yearlyServiceUsers: null
			},
			adminId,
			NOW
		);
		expect(r).toMatchObject({ ok: true });
		const doc = await results();
		expect(unit(doc, 'PKM-A')).toBeUndefined();
		expect(unit(doc, 'PKM-A1')?.name).toBe('UPTD Puskesmas Sukamaju');
	});

	it('shows a unit imported into the running period', async () => {
		const csv = 'code,name,category\nKEL-C,Kelurahan Contoh C,Kelurahan\n';
		const read = await readTableBytes('units.csv', Buffer.from(csv));
		if (!read.ok) throw new Error(read.problems.join('\n'));
		expect((await applyUnitImport(t.db, read.data, adminId, NOW)).ok).toBe(true);
		expect(unit(await results(), 'KEL-C')?.name).toBe('Kelurahan Contoh C');
	});

	it('moves a unit to its new category and renames a category', async () => {
		const kel = (await findCategoryByName(t.db, 'Kelurahan'))!;
		const u = (await findUnitByCode(t.db, 'PKM-B'))!;
		await editUnit(
			t.db,
			'PKM-B',
			{
				code: 'PKM-B',
				name: u.name,
				categoryId: kel.id,
				parentCode: null,
				address: null,
				yearlyServiceUsers: null
			},
			adminId,
			NOW
		);
		await saveCategory(t.db, kel.id, { name: 'Kelurahan dan Desa' }, adminId, NOW);
		const doc = await results();
		const names = doc.categories.map((c) => c.name);
		expect(names).toContain('Kelurahan dan Desa');
		expect(names).not.toContain('Kelurahan');
		// a unit keeps the category it had when the period was created (docs/rules.md §8.8; table period_unit)
		expect(doc.categories.find((c) => c.name === 'Puskesmas')!.units.map((x) => x.code)).toContain('PKM-B');
	});

	it('drops the cached results when a unit leaves, a flag is resolved or the status changes', async () => {
		const period = (await findPeriodByCode(t.db, 'P1'))!;
		expect(await findCachedResults(t.db, period.id)).not.toBeNull();
		await setUnitActive(t.db, 'KEL-A', false, adminId, NOW);
		expect(await findCachedResults(t.db, period.id)).toBeNull();

		await results();
		const flag = (await reviewPeriodScores(t.db, period)).openFlags[0];
		const resolved = await resolveDisagreement(
			t.db,
			{
				periodCode: 'P1',
				unitCode: flag.unitCode,
				indicatorCode: flag.indicatorCode,
				action: 'note',
				note: 'Sudah dicek di lapangan.',
				userId: adminId
			},
			NOW
		);
		expect(resolved.ok).toBe(true);
		expect(await findCachedResults(t.db, period.id)).toBeNull();

		await results();
		expect((await changePeriodStatus(t.db, 'P1', 'review', adminId, NOW)).ok).toBe(true);
		expect((await results()).period.status).toBe('review');
	});
});
