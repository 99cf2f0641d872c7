import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/test-db';
import { buildScoredPeriod, flat, NOW, publishSnapshot } from '../support/coaching-fixture';
import { draftCoachingPlans } from '../../../src/lib/server/coaching/coaching-draft.service';
import { listPlans } from '../../../src/lib/server/coaching/coaching-plan.repository';
import { listItemsOfPlans } from '../../../src/lib/server/coaching/coaching-item.repository';

let t: TestDb;
beforeEach(async () => {
	t = await createTestDb();
});
afterEach(() => t.cleanup());

describe('draftCoachingPlans', () => {
	it('drafts plans for units at or below 3,00 or with an aspect below 2,51, complete units only', async () => {
		const f = await buildScoredPeriod(t.db, [
			{ code: 'K-GOOD', category: 'Kelurahan', score: flat(4) },
			{ code: 'K-LOW', category: 'Kelurahan', score: flat(3) }, // 17/2017 weights: IPP 2,99
			{ code: 'K-ASPECT', category: 'Kelurahan', score: (_i, _v, a) => (a === 'III' ? 2 : 5) },
			{ code: 'P-OK', category: 'Puskesmas', score: (i) => (i % 2 ? 4 : 3) }
		]);
		await publishSnapshot(t.db, f);
		const out = await draftCoachingPlans(t.db, f.periodId, f.results, NOW);
		const plans = await listPlans(t.db, {});
		expect(plans.map((p) => p.unitCode).sort()).toEqual(['K-ASPECT', 'K-LOW']);
		expect(out).toEqual({ drafted: 2, kept: 0 });
		const low = plans.find((p) => p.unitCode === 'K-LOW')!;
		expect(low.status).toBe('draft');
		expect(low.reason).toContain('IPP 2,99');
		expect(plans.find((p) => p.unitCode === 'K-ASPECT')!.reason).toContain('aspek III 2,00 < 2,51');
	});

	it('lists the five indicators with the largest gain_next, with targets and the target descriptor', async () => {
		// Indicator 0 at mean 1, indicator 5 at 2.5, everything else at 2: gains differ by weight.
		const f = await buildScoredPeriod(t.db, [
			{ code: 'K-1', category: 'Kelurahan', score: (i, v) => (i === 0 ? 1 : i === 5 ? (v === 1 ? 2 : 3) : 2) }
		]);
		await draftCoachingPlans(t.db, f.periodId, f.results, NOW);
		const [plan] = await listPlans(t.db, {});
		const items = await listItemsOfPlans(t.db, [plan.id]);
		expect(items).toHaveLength(5);

		// Independent brute force over the instrument: W_a · w_i · (floor(mean) + 1 − mean).
		const all = f.instrument.def.aspects.flatMap((a) =>
			a.indicators.map((ind, j) => {
				const index = f.instrument.def.aspects
					.slice(0, f.instrument.def.aspects.indexOf(a))
					.reduce((n, x) => n + x.indicators.length, j);
				const mean = index === 0 ? 1 : index === 5 ? 2.5 : 2;
				return {
					code: ind.code,
					gain: a.weight * ind.weight * (Math.floor(mean) + 1 - mean),
					mean,
					levels: ind.levels
				};
			})
		);
		const expected = [...all].sort((x, y) => y.gain - x.gain || all.indexOf(x) - all.indexOf(y)).slice(0, 5);
		expect(items.map((i) => i.indicatorCode)).toEqual(expected.map((e) => e.code));
		for (const [n, item] of items.entries()) {
			const e = expected[n];
			expect(item.gainNext).toBeCloseTo(e.gain, 12);
			expect(item.currentScore).toBe(e.mean);
			expect(item.targetLevel).toBe(Math.floor(e.mean) + 1);
			// The target level said as an action, then the current level for contrast.
			const target = e.levels[item.targetLevel].replace(/\.$/, '');
			const said = /^seperti level/i.test(target)
				? /^Tambahkan .+ untuk mencapai level \d\./
				: `Wujudkan level ${item.targetLevel}: ${target}.`;
			if (typeof said === 'string') expect(item.action.startsWith(said)).toBe(true);
			else expect(item.action).toMatch(said);
			const current = e.levels[Math.floor(e.mean)].replace(/\.$/, '');
			expect(item.action).toContain(`Kini level ${e.mean === 2.5 ? '2,50' : e.mean}: ${current}.`);
			expect(item.dueOn).toBe('2027-02-20');
			expect(item.responsible).toBe('kepala.k-1');
			expect(item.status).toBe('open');
		}
		for (let n = 1; n < items.length; n++)
			expect(items[n].gainNext).toBeLessThanOrEqual(items[n - 1].gainNext);
	});

	it('is idempotent: drafting again after a re-publication keeps the plans and their edits', async () => {
		const f = await buildScoredPeriod(t.db, [{ code: 'K-1', category: 'Kelurahan', score: flat(2) }]);
		await draftCoachingPlans(t.db, f.periodId, f.results, NOW);
		const [plan] = await listPlans(t.db, {});
		const [first] = await listItemsOfPlans(t.db, [plan.id]);
		await t.db
			.updateTable('coaching_item')
			.set({ action: 'Diubah admin' })
			.where('id', '=', first.id)
			.execute();
		await publishSnapshot(t.db, f, 'UJI-2025', 2);
		expect(await draftCoachingPlans(t.db, f.periodId, f.results, NOW)).toEqual({ drafted: 0, kept: 1 });
		expect(await listPlans(t.db, {})).toHaveLength(1);
		const items = await listItemsOfPlans(t.db, [plan.id]);
		expect(items).toHaveLength(5);
		expect(items[0].action).toBe('Diubah admin');
	});

	it('supports "bottom K per category", bringing in units tied at the cut', async () => {
		const f = await buildScoredPeriod(
			t.db,
			[
				{ code: 'K-A', category: 'Kelurahan', score: flat(5) },
				{ code: 'K-B', category: 'Kelurahan', score: flat(4) },
				{ code: 'K-C', category: 'Kelurahan', score: flat(4) },
				{ code: 'P-A', category: 'Puskesmas', score: flat(5) },
				{ code: 'P-B', category: 'Puskesmas', score: flat(4) }
			],
			{ coachingRule: '{"kind":"bottom","k":1}', items: 3 }
		);
		await draftCoachingPlans(t.db, f.periodId, f.results, NOW);
		const plans = await listPlans(t.db, {});
		expect(plans.map((p) => p.unitCode).sort()).toEqual(['K-B', 'K-C', 'P-B']);
		expect(await listItemsOfPlans(t.db, [plans[0].id])).toHaveLength(3);
		// A unit at 5 everywhere has nothing left to gain, but a bottom rule still gives it a plan.
	});

	it('skips units that are not complete', async () => {
		const f = await buildScoredPeriod(t.db, [{ code: 'K-1', category: 'Kelurahan', score: flat(1) }]);
		const unit = f.results.categories[0].units[0];
		unit.complete = false;
		unit.rank = null;
		expect(await draftCoachingPlans(t.db, f.periodId, f.results, NOW)).toEqual({ drafted: 0, kept: 0 });
	});
});
