import type { InstrumentDef } from '../instrument/types';
import { gainOpportunities } from '../scoring/gain';
import { formatDecimalId } from '../scoring/display';

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

// Descriptors of higher levels are often cumulative ("Seperti level 3 ditambah air minum."): the
// action is then what must be added, not a restatement of the whole level.
const CUMULATIVE = /^seperti level \d+,?\s*(?:di)?tambah(?:kan)?\s+(.+?)\.?$/i;

/**
 * The default action of a coaching item: the target level's descriptor said as something to do,
 * with the unit's current level beside it for contrast (docs/rules.md §5).
 */
export function defaultAction(
	target: number,
	descriptor: string,
	current?: { score: number; descriptor: string }
): string {
	const what = descriptor.trim();
	const added = CUMULATIVE.exec(what);
	const todo = added
		? `Tambahkan ${added[1]} untuk mencapai level ${target}.`
		: what
			? `Wujudkan level ${target}: ${what.replace(/\.?$/, '.')}`
			: `Penuhi deskriptor level ${target} indikator ini.`;
	if (!current) return todo;
	const now = current.descriptor.trim();
	return `${todo} Kini level ${formatDecimalId(current.score, Number.isInteger(current.score) ? 0 : 2)}${now ? `: ${now.replace(/\.?$/, '.')}` : '.'}`;
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
			action: defaultAction(g.target, levels.get(g.indicatorCode)?.[g.target] ?? '', {
				score: g.mean,
				descriptor: levels.get(g.indicatorCode)?.[Math.floor(g.mean)] ?? ''
			})
		}));
}

/** The date `days` after an ISO date (YYYY-MM-DD), computed on the calendar, not on a clock. */
export function addDaysIso(iso: string, days: number): string {
	const [y, m, d] = iso.split('-').map(Number);
	const t = new Date(Date.UTC(y, m - 1, d + days));
	return t.toISOString().slice(0, 10);
}
