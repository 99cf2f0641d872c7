import type { Db } from '../db/connection';
import type { ItemTally, PlanTally } from '../../domain/coaching/overview';
import { plansIn, type PlanFilter } from './coaching-plan.repository';

// Counts of plans and items per category, grouped in the database (domain/coaching/overview.ts
// countByCategory folds them): the overview and the mayor's page need the counts, not the rows.
// Grouped by category id, named afterwards, in category order.

export async function listPlanTallies(db: Db, f: PlanFilter): Promise<PlanTally[]> {
	const grouped = plansIn(db, f)
		.select((eb) => [
			'period_unit.category_id as categoryId',
			'cp.status',
			eb.fn.countAll<number>().as('plans')
		])
		.groupBy(['period_unit.category_id', 'cp.status']);
	const rows = await db
		.selectFrom(grouped.as('t'))
		.innerJoin('category', 'category.id', 't.categoryId')
		.select(['category.name as category', 't.status', 't.plans'])
		.orderBy('category.position')
		.orderBy('category.name')
		.execute();
	return rows.map((r) => ({ ...r, plans: Number(r.plans) }));
}

export async function listItemTallies(db: Db, f: PlanFilter): Promise<ItemTally[]> {
	const grouped = plansIn(db, f)
		.innerJoin('coaching_item as ci', 'ci.plan_id', 'cp.id')
		.select((eb) => [
			'period_unit.category_id as categoryId',
			'cp.status as planStatus',
			'ci.status',
			'ci.due_on as dueOn',
			eb.fn.countAll<number>().as('items')
		])
		.groupBy(['period_unit.category_id', 'cp.status', 'ci.status', 'ci.due_on']);
	const rows = await db
		.selectFrom(grouped.as('t'))
		.innerJoin('category', 'category.id', 't.categoryId')
		.select(['category.name as category', 't.planStatus', 't.status', 't.dueOn', 't.items'])
		.execute();
	return rows.map((r) => ({ ...r, items: Number(r.items) }));
}
