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

export interface CategoryCount {
	category: string;
	byStatus: Record<PlanStatus, number>;
	overdueItems: number;
}

export function countByCategory(
	plans: readonly PlanLike[],
	progress: Map<number, PlanProgress>
): CategoryCount[] {
	const out = new Map<string, CategoryCount>();
	for (const p of plans) {
		let c = out.get(p.category);
		if (!c)
			out.set(
				p.category,
				(c = {
					category: p.category,
					byStatus: { draft: 0, active: 0, completed: 0, cancelled: 0 },
					overdueItems: 0
				})
			);
		c.byStatus[p.status]++;
		c.overdueItems += progress.get(p.id)?.overdue ?? 0;
	}
	return [...out.values()];
}
