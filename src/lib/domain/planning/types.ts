import type { AssessorProfile, TeamWish } from './team-wishes';

export interface PlanningUnit {
	id: number;
	/** Visits that already exist, with their assessors (an empty list still needs one). */
	existingVisits: { visitNo: number; assessorIds: number[] }[];
}

export interface PlanningInput {
	units: PlanningUnit[];
	/** Active assessors, in a stable order (ties go to the earlier one). */
	assessorIds: number[];
	requiredVisits: number;
	/** Working days of the window, ascending ISO dates. */
	days: string[];
	conflicts: { assessorId: number; unitId: number }[];
	unavailable: { assessorId: number; date: string }[];
	/** Kind and institution per assessor, for the team wishes of docs/rules.md §8.7 (none: no wish). */
	profiles?: ReadonlyMap<number, AssessorProfile>;
	/** The previous period's assessor–unit pairs. */
	previousPairs?: { assessorId: number; unitId: number }[];
}

export interface PlannedVisit {
	unitId: number;
	visitNo: number;
	assessorId: number;
	date: string;
}

/** Why a visit stayed without an assessor; the interface words it (README "Where translation happens"). */
export type UnplacedReason = 'no_working_day' | 'no_eligible_assessor';

export interface UnplacedVisit {
	unitId: number;
	visitNo: number;
	reason: UnplacedReason;
}

export interface PlanResult {
	visits: PlannedVisit[];
	unplaced: UnplacedVisit[];
	/** Units whose team misses a wish of docs/rules.md §8.7, with the wishes missed. */
	unmetWishes: { unitId: number; wishes: TeamWish[] }[];
	/** Visits per assessor in the period after the plan, existing ones included. */
	loads: Map<number, number>;
}

/** A plan as the schedule page shows it before it is saved: names instead of ids, reasons in words. */
export interface SchedulePreview {
	rows: {
		unitCode: string;
		unitName: string;
		category: string;
		visitNo: number;
		assessor: string;
		date: string;
	}[];
	unplaced: { unitCode: string; unitName: string; visitNo: number; reason: string }[];
	/** Units whose team misses a wish of docs/rules.md §8.7, in words. */
	unmetWishes: { unitCode: string; unitName: string; wishes: string[] }[];
	loads: { name: string; total: number }[];
	existing: number;
}
