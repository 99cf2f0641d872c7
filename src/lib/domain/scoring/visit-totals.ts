import type { AssessorId, SheetAspectSums } from './types';

// docs/rules.md §4.2: each visit counts equally however many sheets it has. A visit's submitted
// sheets reduce to one total per visit: the sheet count, the assessors, and Σ over the sheets of
// Σ w_i·s_i per aspect. The database keeps these totals, one row per unit holding its visits'
// totals (README, "Benchmark"), so results at national scale read one row per unit; this module
// is the one place that adds a sheet to a total, for the stored totals and for sheets summed in
// memory alike.

export interface VisitTotal {
	visitNo: number;
	/** Submitted sheets added. */
	sheets: number;
	/** Distinct assessors of those sheets, in the order first seen. */
	assessorIds: AssessorId[];
	/**
	 * Σ over the sheets of each aspect's weighted sum, keyed by aspect (code or stored id). Null
	 * when some sheet lacked the aspect: the total cannot stand for a mean any more.
	 */
	aspectSums: Record<string, number | null>;
}

export function emptyVisitTotal(visitNo: number): VisitTotal {
	return { visitNo, sheets: 0, assessorIds: [], aspectSums: {} };
}

/**
 * Adds one sheet. Sheets must be added in a fixed order (the stored totals use sheet id order)
 * so that the last bits of a floating-point sum never depend on how the sheets were read.
 */
export function addSheetToVisitTotal(
	total: VisitTotal,
	assessorId: AssessorId,
	aspectSums: Readonly<Record<string, number>>
): void {
	const first = total.sheets === 0;
	total.sheets++;
	const who = String(assessorId);
	if (!total.assessorIds.some((a) => String(a) === who)) total.assessorIds.push(assessorId);
	const sums = total.aspectSums;
	for (const key in aspectSums) {
		const x = aspectSums[key];
		const ok = typeof x === 'number' && Number.isFinite(x);
		if (first) sums[key] = ok ? x : null;
		else if (!(key in sums) || sums[key] === null || !ok) sums[key] = null;
		else sums[key] = (sums[key] as number) + x;
	}
	if (!first) for (const key in sums) if (!(key in aspectSums)) sums[key] = null;
}

/** Groups sheets by visit, in the order the sheets come. */
export function visitTotalsOfSheets(sheets: readonly SheetAspectSums[]): VisitTotal[] {
	const totals: VisitTotal[] = [];
	for (const sheet of sheets) {
		let total = totals.find((t) => t.visitNo === sheet.visitNo);
		if (!total) totals.push((total = emptyVisitTotal(sheet.visitNo)));
		addSheetToVisitTotal(total, sheet.assessorId, sheet.aspectSums);
	}
	return totals;
}

/**
 * Unit aspect scores: per visit the mean of its sheets, then the mean over visits taken in
 * visit-number order (docs/rules.md §4.2 and 4.3). Null when no visit has a sheet. `sumKeys[k]`
 * is the key under which the totals carry the sum of `aspectCodes[k]` (the stored totals use
 * aspect ids); the codes themselves by default.
 */
export function unitAspectScoresFromVisitTotals(
	totals: readonly VisitTotal[],
	aspectCodes: readonly string[],
	sumKeys: readonly string[] = aspectCodes
): Record<string, number> | null {
	const visits = inVisitOrder(totals);
	if (visits.length === 0) return null;
	const result: Record<string, number> = {};
	for (let k = 0; k < aspectCodes.length; k++) {
		const code = aspectCodes[k];
		let sum = 0;
		for (const v of visits) {
			const x = v.aspectSums[sumKeys[k]];
			if (typeof x !== 'number')
				throw new RangeError(`Kunjungan ${v.visitNo}: jumlah aspek ${code} tidak ada pada semua lembar`);
			sum += x / v.sheets;
		}
		result[code] = sum / visits.length;
	}
	return result;
}

/** The totals with sheets in visit-number order; the array itself when it already is (the usual case). */
function inVisitOrder(totals: readonly VisitTotal[]): readonly VisitTotal[] {
	for (let i = 0; i < totals.length; i++)
		if (totals[i].sheets === 0 || (i > 0 && totals[i].visitNo < totals[i - 1].visitNo))
			return totals.filter((t) => t.sheets > 0).sort((a, b) => a.visitNo - b.visitNo);
	return totals;
}

/** Visits with a submitted sheet, and distinct assessors over all of them (docs/rules.md §4.6). */
export function visitTotalsCoverage(totals: readonly VisitTotal[]): { visits: number; assessors: number } {
	const assessors: string[] = [];
	let visits = 0;
	for (const t of totals) {
		if (t.sheets === 0) continue;
		visits++;
		for (const a of t.assessorIds) if (!assessors.includes(String(a))) assessors.push(String(a));
	}
	return { visits, assessors: assessors.length };
}
