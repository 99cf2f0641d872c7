import { formatDecimalId, roundHalfUp2 } from '../scoring/display';
import type { PeriodResults, UnitResult } from '../scoring/results-shape';

// Spec 5: which units of a published period get a coaching plan. The rule is stored as JSON on
// the period (period.coaching_rule); an unreadable rule falls back to the default, never to "none".

export type CoachingRule =
	{ kind: 'threshold'; maxIpp: number | null; aspectFloor: number | null } | { kind: 'bottom'; k: number };

/** Decision (spec 5): two-decimal IPP at or below 3.00, or any aspect below 2.51. */
export const DEFAULT_COACHING_RULE: CoachingRule = { kind: 'threshold', maxIpp: 3, aspectFloor: 2.51 };

const finiteOrNull = (x: unknown): number | null | undefined =>
	x === null ? null : typeof x === 'number' && Number.isFinite(x) ? x : undefined;

/** Reads a stored rule; returns null when the JSON is not a rule this code understands. */
export function parseCoachingRule(json: string): CoachingRule | null {
	let raw: unknown;
	try {
		raw = JSON.parse(json);
	} catch {
		return null;
	}
	if (!raw || typeof raw !== 'object') return null;
	const r = raw as Record<string, unknown>;
	if (r.kind === 'bottom') {
		return typeof r.k === 'number' && Number.isInteger(r.k) && r.k >= 1 ? { kind: 'bottom', k: r.k } : null;
	}
	if (r.kind === 'threshold') {
		const maxIpp = 'maxIpp' in r ? finiteOrNull(r.maxIpp) : null;
		const aspectFloor = 'aspectFloor' in r ? finiteOrNull(r.aspectFloor) : null;
		if (maxIpp === undefined || aspectFloor === undefined) return null;
		return { kind: 'threshold', maxIpp, aspectFloor };
	}
	return null;
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
 * not exempt (spec 5: a Kelurahan winner at 2,92 still needs coaching).
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
