import { m } from '$lib/paraglide/messages';
import type { ItemStatus, PlanStatus } from '$lib/domain/coaching/states';

// Coaching plan and item states in the reader's language (docs/rules.md §5): the one place their
// names live, for pages and the report card PDF alike.
const ITEM: Record<ItemStatus, () => string> = {
	open: m.coach_item_status_open,
	in_progress: m.coach_item_status_in_progress,
	done: m.coach_item_status_done,
	verified: m.coach_item_status_verified
};
const PLAN: Record<PlanStatus, () => string> = {
	draft: m.coach_plan_status_draft,
	active: m.coach_plan_status_active,
	completed: m.coach_plan_status_completed,
	cancelled: m.coach_plan_status_cancelled
};

export const itemStatusLabel = (s: ItemStatus): string => ITEM[s]();
export const planStatusLabel = (s: PlanStatus): string => PLAN[s]();
