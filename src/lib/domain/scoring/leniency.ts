import type { AssessorId, UnitSheetScores } from './types';

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

interface Cell {
	sum: number;
	count: number;
}

/**
 * Leniency gathered a group of sheets at a time, so that a national period (about 80,000 units)
 * never holds all its sheets at once. Every sheet of a unit must come in the same `add`.
 */
export interface LeniencyTally {
	add(sheets: readonly UnitSheetScores[]): void;
	/** Sorted by assessor id (string order) so that the output does not depend on row order. */
	result(): AssessorLeniency[];
}

export function leniencyTally(options: LeniencyOptions = {}): LeniencyTally {
	const only = options.indicators ? new Set(options.indicators) : null;
	const ids = new Map<string, AssessorId>();
	const totals = new Map<string, Cell>();
	return {
		add(sheets) {
			// unit -> indicator -> (all sheets, and per assessor)
			const cells = new Map<string, Map<string, { all: Cell; own: Map<string, Cell> }>>();
			for (const sheet of sheets) {
				const who = String(sheet.assessorId);
				if (!ids.has(who)) {
					ids.set(who, sheet.assessorId);
					totals.set(who, { sum: 0, count: 0 });
				}
				let unit = cells.get(sheet.unitCode);
				if (!unit) cells.set(sheet.unitCode, (unit = new Map()));
				for (const [code, score] of Object.entries(sheet.scores)) {
					if (only && !only.has(code)) continue;
					let cell = unit.get(code);
					if (!cell) unit.set(code, (cell = { all: { sum: 0, count: 0 }, own: new Map() }));
					cell.all.sum += score;
					cell.all.count++;
					const mine = cell.own.get(who);
					if (mine) {
						mine.sum += score;
						mine.count++;
					} else cell.own.set(who, { sum: score, count: 1 });
				}
			}
			for (const unit of cells.values()) {
				for (const { all, own } of unit.values()) {
					for (const [who, mine] of own) {
						const others = all.count - mine.count;
						if (others === 0) continue;
						const total = totals.get(who)!;
						total.sum += mine.sum / mine.count - (all.sum - mine.sum) / others;
						total.count++;
					}
				}
			}
		},
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
