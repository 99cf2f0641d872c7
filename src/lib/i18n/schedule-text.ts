import { m } from '$lib/paraglide/messages';
import type { TeamWish, UnplacedReason } from '$lib/domain/planning';

// The planner's codes in the reader's language: the domain names a wish or a reason, the schedule
// preview shows words (README "Where translation happens").

const WISHES: Record<TeamWish, () => string> = {
	mixed_kind: m.plan_wish_mixed_kind,
	mixed_institution: m.plan_wish_mixed_institution,
	no_repeat: m.plan_wish_no_repeat
};

const UNPLACED: Record<UnplacedReason, () => string> = {
	no_working_day: m.plan_unplaced_no_working_day,
	no_eligible_assessor: m.plan_unplaced_no_eligible_assessor
};

export const wishText = (wish: TeamWish): string => WISHES[wish]();
export const unplacedReasonText = (reason: UnplacedReason): string => UNPLACED[reason]();
