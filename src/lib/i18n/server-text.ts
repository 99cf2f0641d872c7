import { m } from '$lib/paraglide/messages';
import type { CoachingRule } from '$lib/domain/coaching/rule';
import type { Lacking } from '$lib/domain/scoring/completeness';
import { fmtDate, fmtNumber } from './display';

// Sentences the server builds for pages (preflight, progress, period settings) in the request's
// language. Outside a request (the command line) paraglide answers with the base locale, so the
// command line keeps its Indonesian output (README "Administration command line").

/** What an incomplete unit lacks (docs/rules.md §4.6): "kurang 1 kunjungan, ..." / "1 visit short, ...". */
export function lackingText(lacking: Lacking): string {
	const parts: string[] = [];
	if (lacking.visits > 0) parts.push(m.srv_lacking_visits({ count: lacking.visits }));
	if (lacking.assessors > 0) parts.push(m.srv_lacking_assessors({ count: lacking.assessors }));
	return parts.length === 0 ? m.srv_complete() : m.srv_incomplete_because({ parts: parts.join(', ') });
}

/** The period's coaching rule in words (docs/rules.md §5). */
export function coachingRuleText(rule: CoachingRule): string {
	if (rule.kind === 'bottom') return m.srv_rule_bottom({ k: rule.k });
	const parts: string[] = [];
	if (rule.maxIpp !== null) parts.push(`IPP ≤ ${fmtNumber(rule.maxIpp, 2)}`);
	if (rule.aspectFloor !== null) parts.push(m.srv_rule_aspect({ floor: fmtNumber(rule.aspectFloor, 2) }));
	return parts.join(` ${m.adm_or()} `);
}

export interface FlagForText {
	unitCode: string;
	indicatorCode: string;
	spread: number;
	scores: { assessor: string; visitNo: number; score: number }[];
}

/** "unit PKM-C indikator 6: selisih 3 (A (kunjungan 1): 1, ...)" in the reader's language. */
export function flagText(f: FlagForText): string {
	const scores = f.scores
		.map((s) => `${s.assessor} (${m.adm_visit_short({ no: s.visitNo })}): ${s.score}`)
		.join(', ');
	return m.srv_flag({ unit: f.unitCode, indicator: f.indicatorCode, spread: f.spread, scores });
}

export const preflightText = {
	incomplete: () => m.srv_incomplete(),
	draft: (visitNo: number, assessor: string) => m.srv_preflight_draft({ no: visitNo, assessor }),
	windowOpen: (endsOn: string) => m.srv_preflight_window({ date: fmtDate(endsOn) }),
	laterVisit: (visitNo: number, date: string) => m.srv_preflight_later({ no: visitNo, date: fmtDate(date) })
};

/** "indikator 1.a.K1: sanggahan (tingkat 4 diajukan) belum dijawab" (docs/rules.md §9.2). */
export function openObjectionText(indicatorCode: string, claimedLevel: number): string {
	return m.srv_objection_open({ indicator: indicatorCode, level: claimedLevel });
}
