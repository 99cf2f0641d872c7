import { formatDecimalId, roundHalfUp2 } from '../scoring/display';
import type { PeriodResults, UnitResult } from '../scoring/results-shape';

// docs/rules.md §5: which units of a published period get a coaching plan. The rule is stored as JSON on
// the period (period.coaching_rule) and this module is its only reader and writer: the settings
// page, plan drafting and the CLI all use the one type below.

export type CoachingRule =
	{ kind: 'threshold'; maxIpp: number | null; aspectFloor: number | null } | { kind: 'bottom'; k: number };

/** Decision (docs/rules.md §5): two-decimal IPP at or below 3.00, or any aspect below 2.51. */
export const DEFAULT_COACHING_RULE: CoachingRule = { kind: 'threshold', maxIpp: 3, aspectFloor: 2.51 };

const scoreOrNull = (x: unknown): number | null | undefined =>
	x === null || x === undefined
		? null
		: typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 5
			? x
			: undefined;

/**
 * Reads a stored rule; returns null when the JSON is not a rule this code understands.
 * `bottom_k` is the spelling the settings page stored before the rule had one definition.
 */
export function parseCoachingRule(json: string): CoachingRule | null {
	let raw: unknown;
	try {
		raw = JSON.parse(json);
	} catch {
		return null;
	}
	if (!raw || typeof raw !== 'object') return null;
	const r = raw as Record<string, unknown>;
	if (r.kind === 'bottom' || r.kind === 'bottom_k') {
		return typeof r.k === 'number' && Number.isInteger(r.k) && r.k >= 1 ? { kind: 'bottom', k: r.k } : null;
	}
	if (r.kind === 'threshold') {
		const maxIpp = scoreOrNull(r.maxIpp);
		const aspectFloor = scoreOrNull(r.aspectFloor);
		if (maxIpp === undefined || aspectFloor === undefined) return null;
		return { kind: 'threshold', maxIpp, aspectFloor };
	}
	return null;
}

/** A damaged stored rule falls back to the default, never to "no coaching" and never to a failed page. */
export function readCoachingRule(json: string): CoachingRule {
	return parseCoachingRule(json) ?? DEFAULT_COACHING_RULE;
}

const isScore = (x: number | null): boolean => x !== null && Number.isFinite(x) && x >= 0 && x <= 5;

/** What can be wrong with a rule entered on the settings page, as the code of its message. */
export type CoachingRuleProblem =
	'srv_rule_k' | 'srv_rule_max_ipp' | 'srv_rule_aspect_floor' | 'srv_rule_limit_missing';

/** Problems of a rule entered on the settings page, keyed by the form's field names. */
export function checkCoachingRule(rule: CoachingRule): Record<string, CoachingRuleProblem> {
	const errors: Record<string, CoachingRuleProblem> = {};
	if (rule.kind === 'bottom') {
		if (!Number.isInteger(rule.k) || rule.k < 1 || rule.k > 100) errors.coaching_k = 'srv_rule_k';
		return errors;
	}
	if (rule.maxIpp !== null && !isScore(rule.maxIpp)) errors.coaching_max_ipp = 'srv_rule_max_ipp';
	if (rule.aspectFloor !== null && !isScore(rule.aspectFloor))
		errors.coaching_aspect_floor = 'srv_rule_aspect_floor';
	if (rule.maxIpp === null && rule.aspectFloor === null) errors.coaching_max_ipp = 'srv_rule_limit_missing';
	return errors;
}

export interface CoachingCandidate {
	unitCode: string;
	unitName: string;
	category: string;
	/** Indonesian, shown on the plan: why the unit was selected. */
	reason: string;
}

function thresholdReasons(u: UnitResult, maxIpp: number | null, floor: number | null): string[] {
	const reasons: string[] = [];
	if (maxIpp !== null && u.ipp !== null && roundHalfUp2(u.ipp) <= maxIpp) {
		reasons.push(`IPP ${formatDecimalId(u.ipp, 2)} ≤ ${formatDecimalId(maxIpp, 2)}`);
	}
	if (floor !== null && u.aspects) {
		for (const [code, score] of Object.entries(u.aspects)) {
			if (roundHalfUp2(score) < floor)
				reasons.push(`aspek ${code} ${formatDecimalId(score, 2)} < ${formatDecimalId(floor, 2)}`);
		}
	}
	return reasons;
}

/**
 * Complete units that meet the rule, in category order then rank order. Award winners are
 * not exempt (docs/rules.md §5: a Kelurahan winner at 2,92 still needs coaching).
 */
export function selectUnitsForCoaching(rule: CoachingRule, results: PeriodResults): CoachingCandidate[] {
	const out: CoachingCandidate[] = [];
	for (const cat of results.categories) {
		const ranked = cat.units.filter((u) => u.complete && u.ipp !== null && u.rank !== null);
		if (rule.kind === 'threshold') {
			for (const u of ranked) {
				const reasons = thresholdReasons(u, rule.maxIpp, rule.aspectFloor);
				if (reasons.length)
					out.push({ unitCode: u.code, unitName: u.name, category: cat.name, reason: reasons.join('; ') });
			}
			continue;
		}
		// Bottom K by rank; a rank shared at the cut brings in every unit that shares it.
		if (ranked.length === 0) continue;
		const byRankDesc = [...ranked].sort((a, b) => (b.rank as number) - (a.rank as number));
		const cutRank = byRankDesc[Math.min(rule.k, byRankDesc.length) - 1].rank as number;
		for (const u of ranked) {
			if ((u.rank as number) >= cutRank)
				out.push({
					unitCode: u.code,
					unitName: u.name,
					category: cat.name,
					reason: `${rule.k} terbawah kategori ${cat.name} (peringkat ${u.rank} dari ${ranked.length})`
				});
		}
	}
	return out;
}
