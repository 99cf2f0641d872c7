import type { InstrumentDef } from '../instrument/types';
import type { PeriodStatus } from '../period-status';
import { listProblems, type SheetProblem } from './completeness';

/** One indicator's entry on a sheet: a level 0..5 (or none yet) and the assessor's note. */
export interface SheetEntry {
	score: number | null;
	note: string;
}
export type SheetValues = Record<string, SheetEntry>;

export interface EntryChange {
	code: string;
	before: SheetEntry;
	after: SheetEntry;
}

export const NOTE_MAX = 4000;

const EMPTY: SheetEntry = { score: null, note: '' };

/**
 * Sheets are edited while the round is open; published and archived rounds are frozen, except a
 * published round with an open correction (docs/rules.md §8.3), whose next revision is being made.
 */
export function isSheetEditableIn(status: PeriodStatus, correctionOpen = false): boolean {
	if (status === 'published') return correctionOpen;
	return status === 'draft' || status === 'running' || status === 'review';
}

/**
 * The same rule for one visit: its period's state and whether a correction is open. A follow-up
 * visit of a coaching plan is scored whatever the period's state (docs/rules.md §8.4): it never
 * enters the period's results.
 */
export function isVisitEditable(v: {
	periodStatus: PeriodStatus;
	correctionOpen: boolean;
	kind?: 'regular' | 'follow_up' | 'calibration';
}): boolean {
	return v.kind === 'follow_up' || isSheetEditableIn(v.periodStatus, v.correctionOpen);
}

/** The instrument cut down to the given indicators (a follow-up sheet holds only the plan's). */
export function restrictToIndicators(def: InstrumentDef, codes: ReadonlySet<string>): InstrumentDef {
	return {
		...def,
		aspects: def.aspects
			.map((a) => ({ ...a, indicators: a.indicators.filter((i) => codes.has(i.code)) }))
			.filter((a) => a.indicators.length > 0)
	};
}

/** Indicators that must be scored before submitting (docs/rules.md §3: weight-0 items are optional). */
export function isRequired(aspectWeight: number, indicatorWeight: number): boolean {
	return aspectWeight > 0 && indicatorWeight > 0;
}

export function entryOf(values: SheetValues, code: string): SheetEntry {
	return values[code] ?? EMPTY;
}

function sameEntry(a: SheetEntry, b: SheetEntry): boolean {
	return a.score === b.score && a.note.trim() === b.note.trim();
}

/** The indicators whose score or note differ, in instrument order. */
export function diffEntries(def: InstrumentDef, before: SheetValues, after: SheetValues): EntryChange[] {
	const changes: EntryChange[] = [];
	for (const aspect of def.aspects)
		for (const ind of aspect.indicators) {
			const b = entryOf(before, ind.code);
			const a = entryOf(after, ind.code);
			if (!sameEntry(a, b)) changes.push({ code: ind.code, before: b, after: a });
		}
	return changes;
}

export interface SheetProgress {
	scored: number;
	total: number;
	/** first required indicator without a score, in instrument order */
	nextUnscored: string | null;
}

export function sheetProgress(def: InstrumentDef, values: SheetValues): SheetProgress {
	let scored = 0;
	let total = 0;
	let nextUnscored: string | null = null;
	for (const aspect of def.aspects)
		for (const ind of aspect.indicators) {
			if (!isRequired(aspect.weight, ind.weight)) continue;
			total++;
			if (entryOf(values, ind.code).score !== null) scored++;
			else nextUnscored ??= ind.code;
		}
	return { scored, total, nextUnscored };
}

/** docs/rules.md §4.1 over the instrument: every scored indicator needs a level; a 0 or a 5 needs a note. */
export function submitProblems(def: InstrumentDef, values: SheetValues): SheetProblem[] {
	return listProblems(
		def.aspects.flatMap((a) =>
			a.indicators.map((i) => ({ code: i.code, required: isRequired(a.weight, i.weight) }))
		),
		values
	);
}

/** Scores of a complete sheet, for sheetAspectSums. */
export function scoresOf(values: SheetValues): Record<string, number> {
	const out: Record<string, number> = {};
	for (const [code, e] of Object.entries(values)) if (e.score !== null) out[code] = e.score;
	return out;
}
