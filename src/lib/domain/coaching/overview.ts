import { isOverdue, type ItemStatus, type PlanStatus } from './states';

// Summaries of the /pembinaan overview: per plan, per status and per category.

export interface PlanLike {
	id: number;
	status: PlanStatus;
	category: string;
}

export interface ItemLike {
	planId: number;
	status: ItemStatus;
	dueOn: string | null;
}

export interface PlanProgress {
	total: number;
	verified: number;
	done: number;
	overdue: number;
}

export function progressByPlan(
	plans: readonly PlanLike[],
	items: readonly ItemLike[],
	today: string
): Map<number, PlanProgress> {
	const out = new Map<number, PlanProgress>(
		plans.map((p) => [p.id, { total: 0, verified: 0, done: 0, overdue: 0 }])
	);
	const status = new Map(plans.map((p) => [p.id, p.status]));
	for (const i of items) {
		const p = out.get(i.planId);
		if (!p) continue;
		p.total++;
		if (i.status === 'verified') p.verified++;
		if (i.status === 'done') p.done++;
		if (status.get(i.planId) === 'active' && isOverdue(i, today)) p.overdue++;
	}
	return out;
}

/** How many plans of a category are in one status (a repository counts them). */
export interface PlanTally {
	category: string;
	status: PlanStatus;
	plans: number;
}

/** How many items of a category share a plan status, an item status and a due date. */
export interface ItemTally {
	category: string;
	planStatus: PlanStatus;
	status: ItemStatus;
	dueOn: string | null;
	items: number;
}

export interface CategoryCount {
	category: string;
	byStatus: Record<PlanStatus, number>;
	/** Items of the category's plans that are not cancelled, and how many of them are verified. */
	items: number;
	verified: number;
	/** Overdue items of active plans, as progressByPlan counts them per plan. */
	overdueItems: number;
}

/**
 * Per category, in the order of `plans`: plans by status and their items. The counts come
 * grouped from the database, so a national period's 200,000 items are never read one by one.
 */
export function countByCategory(
	plans: readonly PlanTally[],
	items: readonly ItemTally[],
	today: string
): CategoryCount[] {
	const out = new Map<string, CategoryCount>();
	const of = (category: string): CategoryCount => {
		let c = out.get(category);
		if (!c)
			out.set(
				category,
				(c = {
					category,
					byStatus: { draft: 0, active: 0, completed: 0, cancelled: 0 },
					items: 0,
					verified: 0,
					overdueItems: 0
				})
			);
		return c;
	};
	for (const p of plans) of(p.category).byStatus[p.status] += p.plans;
	for (const i of items) {
		const c = of(i.category);
		if (i.planStatus !== 'cancelled') {
			c.items += i.items;
			if (i.status === 'verified') c.verified += i.items;
		}
		if (i.planStatus === 'active' && isOverdue(i, today)) c.overdueItems += i.items;
	}
	return [...out.values()];
}
