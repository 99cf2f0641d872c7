import { addDays } from '../dates';
import type { SurveyWindow } from './window';

// docs/rules.md §8.6: each period has its own survey window; two periods' windows never overlap, so a
// citizen's answer always belongs to exactly one period.

export interface PeriodWindow extends SurveyWindow {
	id: number;
	code: string;
	name: string;
}

/** Inclusive date ranges share at least one day. */
export function windowsOverlap(a: SurveyWindow, b: SurveyWindow): boolean {
	return a.from <= b.to && b.from <= a.to;
}

/** The first other period whose window shares a day with `window` (the period itself excluded). */
export function overlappingPeriod<T extends PeriodWindow>(
	window: SurveyWindow,
	periods: readonly T[],
	selfId: number | null
): T | null {
	return periods.find((p) => p.id !== selfId && windowsOverlap(window, p)) ?? null;
}

/**
 * A new period's default survey window: its date window, but starting no earlier than the day
 * after the latest existing survey window ends, and never ending before it starts.
 */
export function defaultSurveyWindow(
	dates: { startsOn: string; endsOn: string },
	existing: readonly SurveyWindow[]
): SurveyWindow {
	const latestEnd = existing.reduce<string | null>((m, w) => (m === null || w.to > m ? w.to : m), null);
	const from =
		latestEnd !== null && addDays(latestEnd, 1) > dates.startsOn ? addDays(latestEnd, 1) : dates.startsOn;
	return { from, to: dates.endsOn >= from ? dates.endsOn : from };
}
