import type { PeriodResults, UnitResult } from '../scoring/results-shape';

// docs/rules.md §8.3: a revision lists what it changed against the revision before it: every unit
// whose IPP (as shown, two decimals), grade, rank or award moved, or that became complete or
// dropped out, old → new. Pure: both documents come in as arguments.

export interface UnitStanding {
	ipp: string | null;
	grade: string | null;
	rank: number | null;
	award: string | null;
	complete: boolean;
}

export type ChangedField = 'ipp' | 'grade' | 'rank' | 'award' | 'complete';

export interface RevisionChange {
	code: string;
	name: string;
	category: string;
	/** null: the unit was not in the earlier results (or is not in the later ones). */
	before: UnitStanding | null;
	after: UnitStanding | null;
	fields: ChangedField[];
}

const FIELDS: ChangedField[] = ['ipp', 'grade', 'rank', 'award', 'complete'];

function standing(u: UnitResult): UnitStanding {
	return { ipp: u.ipp_display, grade: u.grade, rank: u.rank, award: u.award, complete: u.complete };
}

function unitsOf(doc: PeriodResults): Map<string, { category: string; unit: UnitResult }> {
	const map = new Map<string, { category: string; unit: UnitResult }>();
	for (const c of doc.categories) for (const u of c.units) map.set(u.code, { category: c.name, unit: u });
	return map;
}

/** Units whose shown standing differs, in the later document's order (removed units last). */
export function diffPublishedResults(before: PeriodResults, after: PeriodResults): RevisionChange[] {
	const old = unitsOf(before);
	const now = unitsOf(after);
	const changes: RevisionChange[] = [];
	for (const [code, { category, unit }] of now) {
		const was = old.get(code);
		const a = standing(unit);
		const b = was ? standing(was.unit) : null;
		const fields = b
			? FIELDS.filter((f) => a[f] !== b[f])
			: FIELDS.filter((f) => f === 'complete' || a[f] !== null);
		if (b && fields.length === 0 && was!.category === category) continue;
		changes.push({ code, name: unit.name, category, before: b, after: a, fields });
	}
	for (const [code, { category, unit }] of old)
		if (!now.has(code))
			changes.push({ code, name: unit.name, category, before: standing(unit), after: null, fields: [] });
	return changes;
}

/** A change as the pages show it: the unit and one line of text. */
export interface ChangeLine {
	code: string;
	name: string;
	category: string;
	text: string;
}

/** `describe` words a change in the reader's language (src/lib/i18n/revision-text.ts). */
export function changeLines(
	changes: readonly RevisionChange[],
	describe: (c: RevisionChange) => string
): ChangeLine[] {
	return changes.map((c) => ({ code: c.code, name: c.name, category: c.category, text: describe(c) }));
}

/** Reads a stored change list; anything unreadable reads as no list. */
export function readRevisionChanges(json: string | null | undefined): RevisionChange[] {
	if (!json) return [];
	try {
		const parsed: unknown = JSON.parse(json);
		return Array.isArray(parsed) ? (parsed as RevisionChange[]) : [];
	} catch {
		return [];
	}
}
