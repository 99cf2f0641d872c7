import type { AssessorId } from './types';

// docs/rules.md §4.6: complete = enough visits with a submitted sheet, from enough distinct assessors.

export interface CompletenessRule {
	requiredVisits: number;
	requiredAssessors: number;
}

export const DEFAULT_COMPLETENESS: CompletenessRule = { requiredVisits: 2, requiredAssessors: 2 };

export interface Coverage {
	/** Visits with at least one submitted sheet. */
	visits: number;
	/** Distinct assessors of those sheets. */
	assessors: number;
}

/** What a unit still needs; both 0 when it is complete. */
export interface Lacking {
	visits: number;
	assessors: number;
}

export interface Completeness {
	complete: boolean;
	lacking: Lacking;
}

/** Counts visits and distinct assessors of a unit's submitted sheets. */
export function sheetCoverage(sheets: readonly { visitNo: number; assessorId: AssessorId }[]): Coverage {
	// A unit has a handful of sheets: linear scans beat Sets when results cover 80,000 units.
	const visits: number[] = [];
	// Ids are compared by their string form: 7 and '7' from two sources are one assessor.
	const assessors: string[] = [];
	for (const sheet of sheets) {
		if (!visits.includes(sheet.visitNo)) visits.push(sheet.visitNo);
		const who = String(sheet.assessorId);
		if (!assessors.includes(who)) assessors.push(who);
	}
	return { visits: visits.length, assessors: assessors.length };
}

export function assertCompletenessRule(rule: CompletenessRule): void {
	for (const [key, value] of Object.entries(rule)) {
		if (!Number.isInteger(value) || value < 1) {
			throw new RangeError(`${key} harus bilangan bulat minimal 1 (kini ${value})`);
		}
	}
}

export function assessCompleteness(
	coverage: Coverage,
	rule: CompletenessRule = DEFAULT_COMPLETENESS
): Completeness {
	const lacking: Lacking = {
		visits: Math.max(0, rule.requiredVisits - coverage.visits),
		assessors: Math.max(0, rule.requiredAssessors - coverage.assessors)
	};
	return { complete: lacking.visits === 0 && lacking.assessors === 0, lacking };
}
