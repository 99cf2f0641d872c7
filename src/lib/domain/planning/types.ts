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
}

export interface PlannedVisit {
	unitId: number;
	visitNo: number;
	assessorId: number;
	date: string;
}

export interface UnplacedVisit {
	unitId: number;
	visitNo: number;
	reason: string;
}

export interface PlanResult {
	visits: PlannedVisit[];
	unplaced: UnplacedVisit[];
	/** Visits per assessor in the period after the plan, existing ones included. */
	loads: Map<number, number>;
}
