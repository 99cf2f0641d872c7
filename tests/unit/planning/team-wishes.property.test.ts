import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	planVisits,
	unmetWishesOf,
	type AssessorProfile,
	type PlanningInput
} from '../../../src/lib/domain/planning';

// docs/rules.md §8.7 as properties of the pure planner: balance first, then mixed pairs and rotation
// wherever the pool allows, and every unmet wish named.

const DAYS = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09'];

const pool = fc
	.array(fc.record({ student: fc.boolean(), institution: fc.integer({ min: 0, max: 3 }) }), {
		minLength: 2,
		maxLength: 9
	})
	.map(
		(people) =>
			new Map<number, AssessorProfile>(
				people.map((p, i) => [
					100 + i,
					{ kind: p.student ? 'student' : 'lecturer', institution: `U${p.institution}` }
				])
			)
	);

const scenario = fc
	.record({
		profiles: pool,
		units: fc.integer({ min: 1, max: 15 }),
		previous: fc.array(fc.tuple(fc.nat(8), fc.nat(14)), { maxLength: 20 })
	})
	.map(({ profiles, units, previous }): PlanningInput => ({
		units: Array.from({ length: units }, (_, i) => ({ id: i + 1, existingVisits: [] })),
		assessorIds: [...profiles.keys()],
		requiredVisits: 2,
		days: DAYS,
		conflicts: [],
		unavailable: [],
		profiles,
		previousPairs: previous.map(([a, u]) => ({ assessorId: 100 + a, unitId: u + 1 }))
	}));

function teams(input: PlanningInput, plan: ReturnType<typeof planVisits>) {
	return new Map(
		input.units.map((u) => [u.id, plan.visits.filter((v) => v.unitId === u.id).map((v) => v.assessorId)])
	);
}

describe('the planner’s teams', () => {
	it('places every visit with two different assessors and keeps busiest minus least busy at most 1', () => {
		fc.assert(
			fc.property(scenario, (input) => {
				const plan = planVisits(input);
				expect(plan.unplaced).toEqual([]);
				for (const team of teams(input, plan).values()) expect(new Set(team).size).toBe(2);
				const loads = [...plan.loads.values()];
				expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
			})
		);
	});

	it('names exactly the wishes each final team misses', () => {
		fc.assert(
			fc.property(scenario, (input) => {
				const plan = planVisits(input);
				const ctx = {
					profiles: input.profiles!,
					previous: new Set(input.previousPairs!.map((p) => `${p.assessorId}:${p.unitId}`))
				};
				const named = new Map(plan.unmetWishes.map((u) => [u.unitId, [...u.wishes].sort()]));
				for (const [unitId, team] of teams(input, plan))
					expect(named.get(unitId) ?? []).toEqual(unmetWishesOf(ctx, unitId, team).sort());
			})
		);
	});

	it('makes every pair mixed when lecturers and students are equally many, each from a different institution', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 15 }), (half, units) => {
				const profiles = new Map<number, AssessorProfile>();
				for (let i = 0; i < half * 2; i++)
					profiles.set(i + 1, { kind: i % 2 ? 'student' : 'lecturer', institution: `U${i}` });
				const plan = planVisits({
					units: Array.from({ length: units }, (_, i) => ({ id: i + 1, existingVisits: [] })),
					assessorIds: [...profiles.keys()],
					requiredVisits: 2,
					days: DAYS,
					conflicts: [],
					unavailable: [],
					profiles
				});
				expect(plan.unmetWishes).toEqual([]);
			})
		);
	});
});

describe('rotation from one period to the next', () => {
	it('repeats none of last period’s 24 assessor–unit pairs when the pool allows', () => {
		const profiles = new Map<number, AssessorProfile>(
			[1, 2, 3, 4, 5, 6].map((id) => [id, { kind: id <= 3 ? 'lecturer' : 'student', institution: `U${id}` }])
		);
		const input: PlanningInput = {
			units: Array.from({ length: 12 }, (_, i) => ({ id: i + 1, existingVisits: [] })),
			assessorIds: [1, 2, 3, 4, 5, 6],
			requiredVisits: 2,
			days: DAYS,
			conflicts: [],
			unavailable: [],
			profiles
		};
		const last = planVisits(input);
		expect(last.visits).toHaveLength(24);
		const next = planVisits({
			...input,
			previousPairs: last.visits.map((v) => ({ assessorId: v.assessorId, unitId: v.unitId }))
		});
		const repeated = next.visits.filter((v) =>
			last.visits.some((p) => p.assessorId === v.assessorId && p.unitId === v.unitId)
		);
		expect(repeated).toEqual([]);
		expect(next.unmetWishes).toEqual([]);
	});
});
