import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../support/test-db';
import { exampleWithAdmin, NOW } from '../publication/support';
import { loadResults, loadResultsJson } from '../../../src/lib/server/results/results.service';
import { loadPublicHome, loadPublicResults } from '../../../src/lib/server/results/public-results.service';
import { loadPublicationPage } from '../../../src/lib/server/publication/publication-page.service';
import { publishPeriod } from '../../../src/lib/server/publication/publication.service';
import { saveCategory } from '../../../src/lib/server/units/category.service';
import { findCategoryByName, listCategories } from '../../../src/lib/server/units/category.repository';
import { PREFLIGHT_CLASSES } from '../../../src/lib/domain/publication/preflight';
import { resultsTableForCaller } from '../../../src/lib/server/results/results-api.service';

// docs/rules.md §8.8: the administrator's category order is the order of every list of categories.

let t: TestDb;
let adminId: number;
beforeEach(async () => ({ t, adminId } = await exampleWithAdmin()));
afterEach(() => t.cleanup());

async function order(first: string, second: string) {
	for (const [name, position] of [
		[first, 1],
		[second, 2]
	] as const) {
		const c = (await findCategoryByName(t.db, name))!;
		expect((await saveCategory(t.db, c.id, { name, position }, adminId, NOW)).ok).toBe(true);
	}
}
const names = async () => (await loadResults(t.db, 'P1', NOW))!.doc.categories.map((c) => c.name);

describe('category order', () => {
	it('lists categories in the administrator’s order, not alphabetically', async () => {
		await order('Puskesmas', 'Kelurahan');
		expect(await names()).toEqual(['Puskesmas', 'Kelurahan']);
		await order('Kelurahan', 'Puskesmas');
		expect(await names()).toEqual(['Kelurahan', 'Puskesmas']);
	});

	it('lists categories at the same position by name, on the category page and in the results alike', async () => {
		for (const name of ['Puskesmas', 'Kelurahan']) {
			const c = (await findCategoryByName(t.db, name))!;
			expect((await saveCategory(t.db, c.id, { name, position: 1 }, adminId, NOW)).ok).toBe(true);
		}
		const listed = (await listCategories(t.db)).map((c) => c.name).filter((n) => n !== 'OPD');
		expect(listed).toEqual(['Kelurahan', 'Puskesmas']);
		expect(await names()).toEqual(['Kelurahan', 'Puskesmas']);
	});

	it('follows a new order on every page of a published period without touching its numbers', async () => {
		await order('Kelurahan', 'Puskesmas');
		const ok = await publishPeriod(
			t.db,
			{ periodCode: 'P1', userId: adminId, confirm: PREFLIGHT_CLASSES, reason: 'uji' },
			NOW
		);
		expect(ok.ok).toBe(true);
		const before = JSON.parse((await loadResultsJson(t.db, 'P1', NOW))!.json);
		await order('Puskesmas', 'Kelurahan');
		expect(await names()).toEqual(['Puskesmas', 'Kelurahan']);
		const pub = (await loadPublicResults(t.db, 'P1', null, NOW))!;
		expect(pub.categories.map((c) => c.name)).toEqual(['Puskesmas', 'Kelurahan']);
		const home = await loadPublicHome(t.db, NOW);
		expect(home.latest!.groups.map((g) => g.category)).toEqual(['Puskesmas', 'Kelurahan']);
		const page = (await loadPublicationPage(t.db, 'P1'))!;
		expect(page.summary.map((s) => s.category)).toEqual(['Puskesmas', 'Kelurahan']);
		// The CSV and XLSX downloads are lists too (README, "Results"): today's order, as the pages.
		const exported = await resultsTableForCaller(t.db, 'P1', null, null, NOW);
		if (!exported.ok) throw new Error(exported.message);
		expect([...new Set(exported.value.table.rows.map((r) => r[0]))]).toEqual(['Puskesmas', 'Kelurahan']);
		// a new order alone is not a change of the published results
		expect(page.changedSincePublication).toBe(false);
		const after = JSON.parse((await loadResultsJson(t.db, 'P1', NOW))!.json);
		const byName = (d: { categories: { name: string }[] }) =>
			Object.fromEntries(d.categories.map((c) => [c.name, c]));
		expect(byName(after)).toEqual(byName(before));
	});
});
