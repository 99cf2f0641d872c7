// docs/rules.md §5: plan and item states, with only the transitions that make sense. A pure state machine;
// the services check who may ask for which transition.

export type PlanStatus = 'draft' | 'active' | 'completed' | 'cancelled';
export type ItemStatus = 'open' | 'in_progress' | 'done' | 'verified';

const PLAN_NEXT: Record<PlanStatus, readonly PlanStatus[]> = {
	draft: ['active', 'cancelled'],
	active: ['completed', 'cancelled'],
	completed: [],
	cancelled: []
};

export function canMovePlan(from: PlanStatus, to: PlanStatus): boolean {
	return PLAN_NEXT[from].includes(to);
}

/** What keeps an active plan from completion: no items, or items the mentor has not verified. */
export type CompletionBlocker = { kind: 'no_items' } | { kind: 'unverified'; count: number };

/** A plan is completed only when every item has been verified by the mentor. */
export function planCompletionBlocker(items: readonly { status: ItemStatus }[]): CompletionBlocker | null {
	if (items.length === 0) return { kind: 'no_items' };
	const left = items.filter((i) => i.status !== 'verified').length;
	return left ? { kind: 'unverified', count: left } : null;
}

/** Progress reported by the unit head: only while the plan is active and the item not verified. */
const PROGRESS_NEXT: Record<ItemStatus, readonly ItemStatus[]> = {
	open: ['in_progress', 'done'],
	in_progress: ['in_progress', 'done'],
	// A unit head may reopen work the mentor has not verified yet.
	done: ['in_progress', 'done'],
	verified: []
};

export function canReportProgress(planStatus: PlanStatus, from: ItemStatus, to: ItemStatus): boolean {
	return planStatus === 'active' && PROGRESS_NEXT[from].includes(to);
}

/** The mentor verifies a finished item, or sends it back to work. */
export function canVerify(planStatus: PlanStatus, from: ItemStatus): boolean {
	return planStatus === 'active' && from === 'done';
}

export function canReject(planStatus: PlanStatus, from: ItemStatus): boolean {
	return planStatus === 'active' && from === 'done';
}

/** Items are edited (action, due date, responsible) before verification, while the plan is open. */
export function canEditItem(planStatus: PlanStatus, item: ItemStatus): boolean {
	return (planStatus === 'draft' || planStatus === 'active') && item !== 'verified';
}

/** Overdue: past its due date (the city's calendar date) and not yet done or verified. */
export function isOverdue(item: { status: ItemStatus; dueOn: string | null }, today: string): boolean {
	return (
		item.dueOn !== null && item.dueOn < today && (item.status === 'open' || item.status === 'in_progress')
	);
}
