import type { AssessorId, UnitSheetScores } from './types';

// What the review of a period (docs/rules.md §4.10 disagreement flags, §4.11 leniency) needs of
// one unit, worked out from that unit's sheets alone. The figure does not depend on the period's
// threshold, so it can be kept with the unit and changes only when its sheets do (README,
// "Benchmark"): a unit can be flagged only if its widest spread reaches the threshold, and an
// assessor's leniency over the period is the sum of their per-unit parts.

/** Lowest and highest of a (unit, indicator)'s scores. */
export function scoreRange(scores: readonly { score: number }[]): { min: number; max: number } {
	let min = Infinity;
	let max = -Infinity;
	for (const s of scores) {
		if (s.score < min) min = s.score;
		if (s.score > max) max = s.score;
	}
	return { min, max };
}

/** One assessor's part of the period's leniency from one unit. */
export interface UnitLeniency {
	assessorId: AssessorId;
	/** Σ over the unit's indicators they scored of (own mean − mean of other assessors' sheets). */
	sum: number;
	/** How many of those indicators had a sheet of another assessor. */
	count: number;
}

export interface UnitReviewFigure {
	/** Widest spread (max − min) of an indicator scored on at least two sheets; null when none. */
	maxSpread: number | null;
	/** Every assessor with a sheet on the unit, in order of their first sheet. */
	leniency: UnitLeniency[];
}

interface Cell {
	sum: number;
	count: number;
}

/**
 * The figure of one unit from its sheets (all of them, of that unit only), over `indicators`
 * (default: every indicator present).
 */
export function unitReviewFigure(
	sheets: readonly UnitSheetScores[],
	indicators?: readonly string[]
): UnitReviewFigure {
	const only = indicators ? new Set(indicators) : null;
	const ids = new Map<string, AssessorId>();
	// indicator -> (all sheets, and per assessor), in order of first appearance
	const cells = new Map<string, { all: Cell; own: Map<string, Cell>; scores: { score: number }[] }>();
	for (const sheet of sheets) {
		const who = String(sheet.assessorId);
		if (!ids.has(who)) ids.set(who, sheet.assessorId);
		for (const [code, score] of Object.entries(sheet.scores)) {
			if (only && !only.has(code)) continue;
			let cell = cells.get(code);
			if (!cell) cells.set(code, (cell = { all: { sum: 0, count: 0 }, own: new Map(), scores: [] }));
			cell.scores.push({ score });
			cell.all.sum += score;
			cell.all.count++;
			const mine = cell.own.get(who);
			if (mine) {
				mine.sum += score;
				mine.count++;
			} else cell.own.set(who, { sum: score, count: 1 });
		}
	}
	let maxSpread: number | null = null;
	const parts = new Map<string, UnitLeniency>();
	for (const [who, assessorId] of ids) parts.set(who, { assessorId, sum: 0, count: 0 });
	for (const { all, own, scores } of cells.values()) {
		if (scores.length >= 2) {
			const { min, max } = scoreRange(scores);
			if (maxSpread === null || max - min > maxSpread) maxSpread = max - min;
		}
		for (const [who, mine] of own) {
			const others = all.count - mine.count;
			if (others === 0) continue;
			const part = parts.get(who)!;
			part.sum += mine.sum / mine.count - (all.sum - mine.sum) / others;
			part.count++;
		}
	}
	return { maxSpread, leniency: [...parts.values()] };
}
