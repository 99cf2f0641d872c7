// A unit head of several units reads coaching one unit at a time (README, "Coaching"): plans and
// overdue items gathered under each unit, units in name order, plans newest period first.

export interface UnitCoaching<P, O> {
	unitCode: string;
	unitName: string;
	plans: P[];
	overdue: O[];
}

export function groupCoachingByUnit<
	P extends { unitCode: string; unitName: string; periodCode: string },
	O extends { unitCode: string }
>(plans: readonly P[], overdue: readonly O[]): UnitCoaching<P, O>[] {
	const units = new Map<string, UnitCoaching<P, O>>();
	for (const p of plans) {
		const unit = units.get(p.unitCode) ?? {
			unitCode: p.unitCode,
			unitName: p.unitName,
			plans: [],
			overdue: []
		};
		unit.plans.push(p);
		units.set(p.unitCode, unit);
	}
	for (const o of overdue) units.get(o.unitCode)?.overdue.push(o);
	for (const u of units.values()) u.plans.sort((a, b) => b.periodCode.localeCompare(a.periodCode));
	return [...units.values()].sort((a, b) => a.unitName.localeCompare(b.unitName, 'id'));
}
