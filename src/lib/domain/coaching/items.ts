import type { InstrumentDef } from '../instrument/types';
import { gainOpportunities } from '../scoring/gain';

// docs/rules.md §5: a draft plan lists the indicators with the largest gain_next (docs/rules.md §4.12); each item
// carries the current score, the target level and, as the default action, that level's descriptor.

export interface DraftItem {
	indicatorCode: string;
	aspectCode: string;
	title: string;
	/** Unit mean score, unrounded. */
	currentScore: number;
	targetLevel: number;
	gainNext: number;
	action: string;
}

export function defaultAction(target: number, descriptor: string): string {
	const what = descriptor.trim();
	return what
		? `Untuk mencapai level ${target}, unit perlu: ${what}`
		: `Untuk mencapai level ${target}, unit perlu memenuhi deskriptor level ${target} indikator ini.`;
}

export function draftCoachingItems(
	def: InstrumentDef,
	means: Readonly<Record<string, number>>,
	count: number
): DraftItem[] {
	const levels = new Map<string, string[]>();
	for (const a of def.aspects) for (const i of a.indicators) levels.set(i.code, i.levels);
	return gainOpportunities(def, means)
		.slice(0, Math.max(0, count))
		.map((g) => ({
			indicatorCode: g.indicatorCode,
			aspectCode: g.aspectCode,
			title: g.title,
			currentScore: g.mean,
			targetLevel: g.target,
			gainNext: g.gain,
			action: defaultAction(g.target, levels.get(g.indicatorCode)?.[g.target] ?? '')
		}));
}

/** The date `days` after an ISO date (YYYY-MM-DD), computed on the calendar, not on a clock. */
export function addDaysIso(iso: string, days: number): string {
	const [y, m, d] = iso.split('-').map(Number);
	const t = new Date(Date.UTC(y, m - 1, d + days));
	return t.toISOString().slice(0, 10);
}
