import type { AssessorId, UnitSheetScores } from './types';
import { scoreRange } from './unit-review';

// docs/rules.md §4.10: a (unit, indicator) whose submitted scores spread by at least the threshold is
// flagged for an administrator to resolve before publishing.

export const DEFAULT_DISAGREEMENT_THRESHOLD = 2;

export interface DisagreementScore {
	visitNo: number;
	assessorId: AssessorId;
	score: number;
}

export interface DisagreementFlag {
	unitCode: string;
	indicatorCode: string;
	min: number;
	max: number;
	spread: number;
	/** In input order of the sheets. */
	scores: DisagreementScore[];
}

export interface DisagreementOptions {
	/** Spread (max − min) at or above which a pair is flagged; default 2. */
	threshold?: number;
	/**
	 * Indicators to check, in the order flags are listed (pass the instrument's scored
	 * indicators to leave recorded-only weight-0 items out). Default: every indicator present,
	 * in order of first appearance.
	 */
	indicators?: readonly string[];
}

/** Flags in order of the units' first appearance, then indicator order. */
export function findDisagreements(
	sheets: readonly UnitSheetScores[],
	options: DisagreementOptions = {}
): DisagreementFlag[] {
	const threshold = options.threshold ?? DEFAULT_DISAGREEMENT_THRESHOLD;
	if (!(threshold > 0)) throw new RangeError(`Ambang selisih harus lebih dari 0 (kini ${threshold})`);

	const byUnit = new Map<string, Map<string, DisagreementScore[]>>();
	for (const sheet of sheets) {
		let unit = byUnit.get(sheet.unitCode);
		if (!unit) byUnit.set(sheet.unitCode, (unit = new Map()));
		for (const [code, score] of Object.entries(sheet.scores)) {
			let list = unit.get(code);
			if (!list) unit.set(code, (list = []));
			list.push({ visitNo: sheet.visitNo, assessorId: sheet.assessorId, score });
		}
	}

	const flags: DisagreementFlag[] = [];
	for (const [unitCode, unit] of byUnit) {
		for (const indicatorCode of options.indicators ?? [...unit.keys()]) {
			const scores = unit.get(indicatorCode);
			if (!scores || scores.length < 2) continue;
			const { min, max } = scoreRange(scores);
			const spread = max - min;
			if (spread >= threshold) flags.push({ unitCode, indicatorCode, min, max, spread, scores });
		}
	}
	return flags;
}
