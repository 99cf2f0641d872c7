import { m } from '$lib/paraglide/messages';
import type { ObjectionOutcome, ObjectionStatus } from '$lib/domain/objections';

// An objection's state and how it was re-examined (docs/rules.md §9.2), in the reader's language.

const STATUS: Record<ObjectionStatus, () => string> = {
	open: m.obj_status_open,
	accepted: m.obj_status_accepted,
	rejected: m.obj_status_rejected
};
const OUTCOME: Record<ObjectionOutcome, () => string> = {
	extra_visit: m.obj_outcome_extra_visit,
	reopen: m.obj_outcome_reopen
};

export const objectionStatusText = (s: ObjectionStatus): string => STATUS[s]();
export const objectionOutcomeText = (o: ObjectionOutcome): string => OUTCOME[o]();
