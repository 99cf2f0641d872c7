import type { PlanningInput, PlanResult, PlannedVisit, UnplacedVisit } from './types';
import { unmetWishesOf, wishesMissed, type TeamWishContext } from './team-wishes';

// "Buat jadwal" (README, Review and publication): every unit gets its required visits, each by an assessor not yet on the
// unit, never one with a declared conflict or unavailable on the visit's day; the busiest and the
// least busy assessor differ by at most one visit. Deterministic: same input, same plan.

interface Slot {
	unitId: number;
	visitNo: number;
	assessorId: number | null;
}

/** The window split into one segment per visit number, so that a unit's visits are spread apart. */
function segmentOf(days: string[], visitNo: number, visits: number): string[] {
	const size = days.length / visits;
	const from = Math.floor((visitNo - 1) * size);
	const to = Math.max(from + 1, Math.floor(visitNo * size));
	return days.slice(from, Math.min(to, days.length));
}

export function planVisits(input: PlanningInput): PlanResult {
	const { days, requiredVisits } = input;
	const conflict = new Set(input.conflicts.map((c) => `${c.assessorId}:${c.unitId}`));
	const away = new Set(input.unavailable.map((u) => `${u.assessorId}:${u.date}`));
	const freeOn = (a: number, d: string) => !away.has(`${a}:${d}`);
	const freeDays = (a: number, segment: string[]) => segment.filter((d) => freeOn(a, d));

	const wishes: TeamWishContext = {
		profiles: input.profiles ?? new Map(),
		previous: new Set((input.previousPairs ?? []).map((p) => `${p.assessorId}:${p.unitId}`))
	};
	const misses = (a: number, unitId: number) => wishesMissed(wishes, unitId, a, onUnit.get(unitId)!).length;
	const loads = new Map(input.assessorIds.map((a) => [a, 0]));
	const onUnit = new Map<number, Set<number>>();
	const slots: Slot[] = [];
	const unplaced: UnplacedVisit[] = [];
	for (const unit of input.units) {
		const team = new Set<number>();
		for (const v of unit.existingVisits)
			for (const a of v.assessorIds) {
				team.add(a);
				if (loads.has(a)) loads.set(a, loads.get(a)! + 1);
			}
		onUnit.set(unit.id, team);
		for (let visitNo = 1; visitNo <= requiredVisits; visitNo++) {
			const existing = unit.existingVisits.find((v) => v.visitNo === visitNo);
			if (!existing || existing.assessorIds.length === 0)
				slots.push({ unitId: unit.id, visitNo, assessorId: null });
		}
	}
	if (days.length === 0) {
		const reason = 'no_working_day' as const;
		return { visits: [], unplaced: slots.map((s) => ({ ...s, reason })), loads, unmetWishes: [] };
	}

	const available = new Set(input.assessorIds.filter((a) => freeDays(a, days).length > 0));
	const eligible = (a: number, s: Slot) =>
		available.has(a) && !conflict.has(`${a}:${s.unitId}`) && !onUnit.get(s.unitId)!.has(a);
	const candidates = (s: Slot) => input.assessorIds.filter((a) => eligible(a, s));

	// Most constrained slots first, so that scarce assessors are kept for the units that need them.
	const order = slots
		.map((s, i) => ({ s, i, n: candidates(s).length }))
		.sort((x, y) => x.n - y.n || x.i - y.i);
	for (const { s } of order) {
		let best: number | null = null;
		// Fewest missed wishes first, then the least busy; rebalance() restores the balance rule.
		const cost = (a: number) => misses(a, s.unitId) * 1e6 + loads.get(a)!;
		for (const a of candidates(s)) if (best === null || cost(a) < cost(best)) best = a;
		if (best === null) {
			unplaced.push({
				unitId: s.unitId,
				visitNo: s.visitNo,
				reason: 'no_eligible_assessor'
			});
			continue;
		}
		s.assessorId = best;
		loads.set(best, loads.get(best)! + 1);
		onUnit.get(s.unitId)!.add(best);
	}
	rebalance(slots, input.assessorIds, loads, onUnit, eligible, misses);
	const unmetWishes = input.units
		.map((u) => ({ unitId: u.id, wishes: unmetWishesOf(wishes, u.id, [...onUnit.get(u.id)!]) }))
		.filter((u) => u.wishes.length > 0);
	return { visits: assignDates(slots, days, requiredVisits, freeDays), unplaced, loads, unmetWishes };
}

/** Moves visits from the busiest to the least busy assessors while the gap exceeds one. */
function rebalance(
	slots: Slot[],
	assessors: number[],
	loads: Map<number, number>,
	onUnit: Map<number, Set<number>>,
	eligible: (a: number, s: Slot) => boolean,
	misses: (a: number, unitId: number) => number
): void {
	for (let guard = 0; guard < slots.length * Math.max(1, assessors.length); guard++) {
		const values = assessors.map((a) => loads.get(a)!);
		const max = Math.max(...values);
		const min = Math.min(...values);
		if (max - min <= 1) return;
		const takers = assessors.filter((a) => loads.get(a)! === min);
		// Prefer the move that costs the fewest team wishes (docs/rules.md §8.7); balance comes first.
		let pick: { s: Slot; from: number; to: number; cost: number } | null = null;
		for (const s of slots) {
			const from = s.assessorId;
			if (from === null || loads.get(from)! !== max) continue;
			for (const to of takers) {
				if (!eligible(to, s)) continue;
				onUnit.get(s.unitId)!.delete(from);
				const cost = misses(to, s.unitId) - misses(from, s.unitId);
				onUnit.get(s.unitId)!.add(from);
				if (pick === null || cost < pick.cost) pick = { s, from, to, cost };
			}
		}
		if (pick === null) return;
		const { s, from, to } = pick;
		onUnit.get(s.unitId)!.delete(from);
		loads.set(from, max - 1);
		s.assessorId = to;
		loads.set(to, min + 1);
		onUnit.get(s.unitId)!.add(to);
	}
}

/** Spreads the visits over the working days: the emptiest free day of the visit's segment. */
function assignDates(
	slots: Slot[],
	days: string[],
	visits: number,
	freeDays: (a: number, segment: string[]) => string[]
): PlannedVisit[] {
	const perDay = new Map(days.map((d) => [d, 0]));
	const perAssessorDay = new Map<string, number>();
	const planned: PlannedVisit[] = [];
	for (const s of slots) {
		if (s.assessorId === null) continue;
		const a = s.assessorId;
		const inSegment = freeDays(a, segmentOf(days, s.visitNo, visits));
		const pool = inSegment.length ? inSegment : freeDays(a, days);
		let best = pool[0];
		const score = (d: string) => (perAssessorDay.get(`${a}:${d}`) ?? 0) * 1000 + perDay.get(d)!;
		for (const d of pool) if (score(d) < score(best)) best = d;
		perDay.set(best, perDay.get(best)! + 1);
		perAssessorDay.set(`${a}:${best}`, (perAssessorDay.get(`${a}:${best}`) ?? 0) + 1);
		planned.push({ unitId: s.unitId, visitNo: s.visitNo, assessorId: a, date: best });
	}
	return planned;
}
