import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	countByCategory,
	progressByPlan,
	type ItemTally,
	type PlanTally
} from '../../../src/lib/domain/coaching/overview';
import type { ItemStatus, PlanStatus } from '../../../src/lib/domain/coaching/states';

// The overview's and the mayor's counts per category come grouped from the database; they must
// say what counting plan by plan (progressByPlan, the plans table of /pembinaan) says.

const PLAN_STATUSES: PlanStatus[] = ['draft', 'active', 'completed', 'cancelled'];
const ITEM_STATUSES: ItemStatus[] = ['open', 'in_progress', 'done', 'verified'];
const TODAY = '2026-12-02';

describe('counts per category', () => {
	it('counts plans by status, items of plans not cancelled, and overdue items of active plans', () => {
		const plans: PlanTally[] = [
			{ category: 'Kelurahan', status: 'active', plans: 2 },
			{ category: 'Kelurahan', status: 'cancelled', plans: 1 },
			{ category: 'Puskesmas', status: 'draft', plans: 3 }
		];
		const items: ItemTally[] = [
			{ category: 'Kelurahan', planStatus: 'active', status: 'open', dueOn: '2026-12-01', items: 4 },
			{ category: 'Kelurahan', planStatus: 'active', status: 'open', dueOn: '2026-12-02', items: 1 },
			{ category: 'Kelurahan', planStatus: 'active', status: 'verified', dueOn: '2026-01-01', items: 2 },
			{ category: 'Kelurahan', planStatus: 'cancelled', status: 'open', dueOn: '2026-01-01', items: 5 },
			{ category: 'Puskesmas', planStatus: 'draft', status: 'in_progress', dueOn: '2026-01-01', items: 6 }
		];
		expect(countByCategory(plans, items, TODAY)).toEqual([
			{
				category: 'Kelurahan',
				byStatus: { draft: 0, active: 2, completed: 0, cancelled: 1 },
				items: 7,
				verified: 2,
				overdueItems: 4
			},
			{
				category: 'Puskesmas',
				byStatus: { draft: 3, active: 0, completed: 0, cancelled: 0 },
				items: 6,
				verified: 0,
				overdueItems: 0
			}
		]);
	});

	it('agrees with counting plan by plan', () => {
		const plan = fc.record({
			category: fc.constantFrom('Kelurahan', 'Puskesmas', 'OPD'),
			status: fc.constantFrom(...PLAN_STATUSES),
			items: fc.array(
				fc.record({
					status: fc.constantFrom(...ITEM_STATUSES),
					dueOn: fc.option(fc.constantFrom('2026-11-30', '2026-12-02', '2026-12-03'), { nil: null })
				}),
				{ maxLength: 6 }
			)
		});
		fc.assert(
			fc.property(fc.array(plan, { maxLength: 20 }), (drawn) => {
				const plans = drawn.map((p, id) => ({ id, category: p.category, status: p.status }));
				const items = drawn.flatMap((p, id) => p.items.map((i) => ({ planId: id, ...i })));
				const progress = progressByPlan(plans, items, TODAY);
				// what GROUP BY gives: one row per distinct key with its count
				const planTallies = new Map<string, PlanTally>();
				for (const p of plans) {
					const key = `${p.category}|${p.status}`;
					const t = planTallies.get(key) ?? { category: p.category, status: p.status, plans: 0 };
					t.plans++;
					planTallies.set(key, t);
				}
				const itemTallies = new Map<string, ItemTally>();
				for (const i of items) {
					const p = plans[i.planId];
					const key = `${p.category}|${p.status}|${i.status}|${i.dueOn}`;
					const t = itemTallies.get(key) ?? {
						category: p.category,
						planStatus: p.status,
						status: i.status,
						dueOn: i.dueOn,
						items: 0
					};
					t.items++;
					itemTallies.set(key, t);
				}
				const counts = countByCategory([...planTallies.values()], [...itemTallies.values()], TODAY);
				for (const c of counts) {
					const mine = plans.filter((p) => p.category === c.category);
					const kept = mine.filter((p) => p.status !== 'cancelled');
					const sum = (ps: typeof mine, f: (id: number) => number) => ps.reduce((s, p) => s + f(p.id), 0);
					expect(c.overdueItems).toBe(sum(mine, (id) => progress.get(id)!.overdue));
					expect(c.items).toBe(sum(kept, (id) => progress.get(id)!.total));
					expect(c.verified).toBe(sum(kept, (id) => progress.get(id)!.verified));
					for (const s of PLAN_STATUSES)
						expect(c.byStatus[s]).toBe(mine.filter((p) => p.status === s).length);
				}
				expect(counts.map((c) => c.category).sort()).toEqual(
					[...new Set(plans.map((p) => p.category))].sort()
				);
			})
		);
	});
});
