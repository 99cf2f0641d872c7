// The assessor's visit list (README, Score sheets): open visits first, the nearest planned date first (overdue
// ones lead), then submitted visits, the most recent first.
export type VisitSheetState = 'not_started' | 'draft' | 'submitted';

export interface ListedVisit {
	periodCode: string;
	plannedOn: string | null;
	sheetState: VisitSheetState;
	unitName: string;
}

export function sortVisitsForAssessor<V extends ListedVisit>(visits: readonly V[]): V[] {
	const open = (v: V) => (v.sheetState === 'submitted' ? 1 : 0);
	const date = (v: V) => v.plannedOn ?? '9999-12-31';
	return [...visits].sort((a, b) => {
		if (open(a) !== open(b)) return open(a) - open(b);
		const byDate = open(a) === 0 ? date(a).localeCompare(date(b)) : date(b).localeCompare(date(a));
		return byDate || a.unitName.localeCompare(b.unitName, 'id');
	});
}

export interface VisitFilter {
	period: string | null;
	state: VisitSheetState | null;
}

export function filterVisits<V extends ListedVisit>(visits: readonly V[], f: VisitFilter): V[] {
	return visits.filter(
		(v) => (!f.period || v.periodCode === f.period) && (!f.state || v.sheetState === f.state)
	);
}

export function isOverdue(v: ListedVisit, today: string): boolean {
	return v.sheetState !== 'submitted' && v.plannedOn !== null && v.plannedOn < today;
}
