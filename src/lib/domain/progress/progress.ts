import {
	assessCompleteness,
	sheetCoverage,
	type CompletenessRule,
	type Lacking
} from '../scoring/completeness';
import { groupBy } from '../group-by';

// Progress of a period (README, Review and publication): planned, done (the sheet is submitted) and overdue
// (planned day passed, sheet not submitted) per category and per assessor.

export interface Assignment {
	visitId: number;
	unitId: number;
	category: string;
	plannedOn: string | null;
	assessorId: number;
	assessorName: string;
	submitted: boolean;
}

export interface ProgressCount {
	label: string;
	planned: number;
	done: number;
	overdue: number;
}

function count(label: string, items: Assignment[], today: string): ProgressCount {
	return {
		label,
		planned: items.length,
		done: items.filter((a) => a.submitted).length,
		overdue: items.filter((a) => !a.submitted && a.plannedOn !== null && a.plannedOn < today).length
	};
}

/** Per category, in the order categories first appear. */
export function progressByCategory(items: Assignment[], today: string): ProgressCount[] {
	return [...groupBy(items, (a) => a.category)].map(([label, list]) => count(label, list, today));
}

/** Per assessor, most overdue first. */
export function progressByAssessor(items: Assignment[], today: string): ProgressCount[] {
	return [...groupBy(items, (a) => a.assessorId).values()]
		.map((list) => count(list[0].assessorName, list, today))
		.sort((x, y) => y.overdue - x.overdue || x.label.localeCompare(y.label));
}

export interface UnitSheets {
	unitId: number;
	code: string;
	name: string;
	category: string;
	sheets: { visitNo: number; assessorId: number }[];
}

export interface IncompleteUnit {
	code: string;
	name: string;
	category: string;
	/** What the unit still needs; pages word it in the reader's language (lackingText). */
	lack: Lacking;
}

export function incompleteUnits(units: UnitSheets[], rule: CompletenessRule): IncompleteUnit[] {
	return units
		.map((u) => ({ u, c: assessCompleteness(sheetCoverage(u.sheets), rule) }))
		.filter(({ c }) => !c.complete)
		.map(({ u, c }) => ({
			code: u.code,
			name: u.name,
			category: u.category,
			lack: c.lacking
		}));
}

/** Cumulative submitted sheets per day, every day from the first to `until` included. */
export function cumulativeByDay(
	submittedDays: string[],
	from: string,
	until: string,
	nextDay: (d: string) => string
) {
	const perDay = new Map<string, number>();
	for (const d of submittedDays) perDay.set(d, (perDay.get(d) ?? 0) + 1);
	const start = [from, ...submittedDays].sort()[0];
	const out: { day: string; total: number }[] = [];
	let total = 0;
	for (let d = start; d <= until && out.length < 1000; d = nextDay(d)) {
		total += perDay.get(d) ?? 0;
		out.push({ day: d, total });
	}
	return out;
}

/**
 * A line needs two points: when every sheet came in on one day (the curve is a single day), the
 * day before is added at zero, so the chart draws the jump instead of saying there is no data.
 */
export function withBaselineDay(
	curve: { day: string; total: number }[],
	previousDay: (d: string) => string
): { day: string; total: number }[] {
	return curve.length === 1 ? [{ day: previousDay(curve[0].day), total: 0 }, ...curve] : curve;
}
