import type { AssessorId, UnitSheetScores } from './types';
import { unitReviewFigure, type UnitLeniency } from './unit-review';

// docs/rules.md §4.11: how far an assessor's scores sit from the other sheets of the same unit and
// indicator. Positive = lenient, negative = harsh.
// Decision: one data point per (unit, indicator) the assessor scored. If they scored the
// pair on several sheets (two visits), their score is the mean of their own sheets, and
// "the other sheets" are those of other assessors: comparing with one's own earlier sheet
// says nothing about leniency.

export interface AssessorLeniency {
	assessorId: AssessorId;
	/** Mean of (own score − mean of other assessors' sheets); null when count is 0. */
	meanDeviation: number | null;
	/** (unit, indicator) pairs that had at least one other assessor's sheet. */
	count: number;
}

export interface LeniencyOptions {
	/** Indicators to include (e.g. the scored ones); default every indicator present. */
	indicators?: readonly string[];
}

/**
 * Leniency gathered a group of sheets at a time, so that a national period (about 80,000 units)
 * never holds all its sheets at once. Every sheet of a unit must come in the same `add`. Each
 * unit's part is worked out first (unit-review.ts) and the parts are added in unit order, so the
 * leniency from stored per-unit parts (`addUnit`) equals, to the last bit, the one from the sheets.
 */
export interface LeniencyTally {
	add(sheets: readonly UnitSheetScores[]): void;
	/** One unit's parts, as unitReviewFigure gives them. */
	addUnit(parts: readonly UnitLeniency[]): void;
	/** Sorted by assessor id (string order) so that the output does not depend on row order. */
	result(): AssessorLeniency[];
}

export function leniencyTally(options: LeniencyOptions = {}): LeniencyTally {
	const ids = new Map<string, AssessorId>();
	const totals = new Map<string, { sum: number; count: number }>();
	function addUnit(parts: readonly UnitLeniency[]) {
		for (const part of parts) {
			const who = String(part.assessorId);
			let total = totals.get(who);
			if (!total) {
				ids.set(who, part.assessorId);
				totals.set(who, (total = { sum: 0, count: 0 }));
			}
			if (part.count === 0) continue;
			total.sum += part.sum;
			total.count += part.count;
		}
	}
	return {
		add(sheets) {
			const units = new Map<string, UnitSheetScores[]>();
			for (const sheet of sheets) {
				const unit = units.get(sheet.unitCode);
				if (unit) unit.push(sheet);
				else units.set(sheet.unitCode, [sheet]);
			}
			for (const unit of units.values()) addUnit(unitReviewFigure(unit, options.indicators).leniency);
		},
		addUnit,
		result() {
			return [...totals.entries()]
				.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
				.map(([who, t]) => ({
					assessorId: ids.get(who)!,
					meanDeviation: t.count === 0 ? null : t.sum / t.count,
					count: t.count
				}));
		}
	};
}

/** Leniency of every assessor over all these sheets (see leniencyTally). */
export function assessorLeniency(
	sheets: readonly UnitSheetScores[],
	options: LeniencyOptions = {}
): AssessorLeniency[] {
	const tally = leniencyTally(options);
	tally.add(sheets);
	return tally.result();
}
