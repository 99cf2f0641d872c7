import { median } from '../scoring/statistics';

// A unit's complaint figures for a period (docs/rules.md §9.3): the complaints received inside the period's
// survey window (inclusive ISO dates); closed counts those answered by the time of the import,
// even when the answer came after the window ended.

export interface ComplaintDates {
	received: string;
	closed: string | null;
}

export interface ComplaintFigures {
	received: number;
	closed: number;
	/** closed / received; null without complaints. */
	shareClosed: number | null;
	/** Median of the whole days from received to closed, closed complaints only; null when none. */
	medianDays: number | null;
}

const DAY_MS = 86_400_000;

export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / DAY_MS);
}

export function complaintFigures(
	complaints: readonly ComplaintDates[],
	window: { from: string; to: string }
): ComplaintFigures {
	const inside = complaints.filter((c) => c.received >= window.from && c.received <= window.to);
	const days = inside.filter((c) => c.closed !== null).map((c) => daysBetween(c.received, c.closed!));
	return {
		received: inside.length,
		closed: days.length,
		shareClosed: inside.length === 0 ? null : days.length / inside.length,
		medianDays: median(days)
	};
}

/** Figures of every unit that has complaints in the window, keyed by unit code. */
export function complaintFiguresByUnit(
	complaints: readonly (ComplaintDates & { unitCode: string })[],
	window: { from: string; to: string }
): Map<string, ComplaintFigures> {
	const byUnit = new Map<string, ComplaintDates[]>();
	for (const c of complaints) {
		const list = byUnit.get(c.unitCode);
		if (list) list.push(c);
		else byUnit.set(c.unitCode, [c]);
	}
	const out = new Map<string, ComplaintFigures>();
	for (const [code, list] of byUnit) {
		const figures = complaintFigures(list, window);
		if (figures.received > 0) out.set(code, figures);
	}
	return out;
}
