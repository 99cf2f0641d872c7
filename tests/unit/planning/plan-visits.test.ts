import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planVisits, type PlanningInput } from '../../../src/lib/domain/planning';
import { workingDaysBetween } from '../../../src/lib/domain/dates';

const DAYS = workingDaysBetween('2027-01-04', '2027-03-31');

/** Instances a city really has: more assessors than visits per unit, sparse conflicts and absences. */
const instance = fc
	.record({
		units: fc.integer({ min: 1, max: 60 }),
		assessors: fc.integer({ min: 3, max: 12 }),
		visits: fc.integer({ min: 1, max: 3 }),
		conflictSeeds: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }),
		absenceSeeds: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 60 })
	})
	.filter((r) => r.assessors >= r.visits + 2)
	.map((r): PlanningInput => {
		const assessorIds = Array.from({ length: r.assessors }, (_, i) => 100 + i);
		const unitIds = Array.from({ length: r.units }, (_, i) => 1 + i);
		// At most one declared conflict per unit and per assessor.
		const conflicts = new Map<number, number>();
		const taken = new Set<number>();
		for (const [u, a] of r.conflictSeeds) {
			const unit = unitIds[u % r.units];
			const assessor = assessorIds[a % r.assessors];
			if (conflicts.has(unit) || taken.has(assessor)) continue;
			conflicts.set(unit, assessor);
			taken.add(assessor);
		}
		return {
			units: unitIds.map((id) => ({ id, existingVisits: [] })),
			assessorIds,
			requiredVisits: r.visits,
			days: DAYS,
			conflicts: [...conflicts].map(([unitId, assessorId]) => ({ unitId, assessorId })),
			unavailable: r.absenceSeeds.map(([a, d]) => ({
				assessorId: assessorIds[a % r.assessors],
				date: DAYS[d % DAYS.length]
			}))
		};
	});

describe('visit planning', () => {
	it('gives every unit its required visits by distinct assessors', () => {
		fc.assert(
			fc.property(instance, (input) => {
				const plan = planVisits(input);
				expect(plan.unplaced).toEqual([]);
				expect(plan.visits).toHaveLength(input.units.length * input.requiredVisits);
				for (const u of input.units) {
					const mine = plan.visits.filter((v) => v.unitId === u.id);
					expect(mine.map((v) => v.visitNo).sort()).toEqual(
						Array.from({ length: input.requiredVisits }, (_, i) => i + 1)
					);
					expect(new Set(mine.map((v) => v.assessorId)).size).toBe(input.requiredVisits);
				}
			})
		);
	});

	it('keeps the busiest and the least busy assessor within one visit', () => {
		fc.assert(
			fc.property(instance, (input) => {
				const plan = planVisits(input);
				const counts = input.assessorIds.map((a) => plan.visits.filter((v) => v.assessorId === a).length);
				expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
			}),
			{ numRuns: 300 }
		);
	});

	it('never sends an assessor to a unit of declared conflict or on an unavailable day', () => {
		fc.assert(
			fc.property(instance, (input) => {
				const plan = planVisits(input);
				const conflicts = new Set(input.conflicts.map((c) => `${c.assessorId}:${c.unitId}`));
				const away = new Set(input.unavailable.map((u) => `${u.assessorId}:${u.date}`));
				for (const v of plan.visits) {
					expect(conflicts.has(`${v.assessorId}:${v.unitId}`)).toBe(false);
					expect(away.has(`${v.assessorId}:${v.date}`)).toBe(false);
					expect(input.days).toContain(v.date);
				}
			})
		);
	});

	it('places the second visit of a unit after the first', () => {
		fc.assert(
			fc.property(instance, (input) => {
				const plan = planVisits(input);
				for (const u of input.units) {
					const dates = plan.visits
						.filter((v) => v.unitId === u.id)
						.sort((a, b) => a.visitNo - b.visitNo)
						.map((v) => v.date);
					expect([...dates].sort()).toEqual(dates);
				}
			})
		);
	});

	it('fills only the missing visits and keeps the assessors already on a unit away from it', () => {
		const plan = planVisits({
			units: [{ id: 1, existingVisits: [{ visitNo: 1, assessorIds: [10] }] }],
			assessorIds: [10, 11],
			requiredVisits: 2,
			days: DAYS,
			conflicts: [],
			unavailable: []
		});
		expect(plan.visits).toEqual([{ unitId: 1, visitNo: 2, assessorId: 11, date: expect.any(String) }]);
	});

	it('reports a visit no assessor can take instead of breaking a rule', () => {
		const plan = planVisits({
			units: [{ id: 1, existingVisits: [] }],
			assessorIds: [10, 11],
			requiredVisits: 2,
			days: DAYS,
			conflicts: [{ assessorId: 11, unitId: 1 }],
			unavailable: []
		});
		expect(plan.visits.map((v) => v.assessorId)).toEqual([10]);
		expect(plan.unplaced).toHaveLength(1);
	});
});
