import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	aspectSumPlan,
	plannedAspectSums,
	sheetAspectSums
} from '../../../src/lib/domain/scoring/aspect-scores';
import { scoreImportPlan } from '../../../src/lib/domain/import/score-import';
import { loadShipped } from '../instrument/shipped';

// The import sums sheets by indicator position; every other path sums records by code. The two
// must agree to the last bit, or a re-submitted sheet would move a ranking.
describe('aspect sums by indicator position', () => {
	for (const code of ['permenpan-17-2017', 'pekppp-29-2022'] as const) {
		const def = loadShipped(code);
		const codes = scoreImportPlan(def).codes;
		const plan = aspectSumPlan(def);

		it(`equal sheetAspectSums bit for bit on ${code}, aspects of weight 0 left out`, () => {
			expect(plan.aspects).toEqual(
				Object.keys(sheetAspectSums(def, Object.fromEntries(codes.map((c) => [c, 3]))))
			);
			fc.assert(
				fc.property(
					fc.array(fc.integer({ min: 0, max: 5 }), { minLength: codes.length, maxLength: codes.length }),
					fc.nat({ max: 3 }),
					(scores, pad) => {
						// The sheet sits after `pad` other values, as sheets do in the import's array.
						const held = Int8Array.from([...Array(pad).fill(5), ...scores]);
						const out = new Float64Array(plan.aspects.length);
						plannedAspectSums(plan, held, pad, out);
						const expected = sheetAspectSums(def, Object.fromEntries(codes.map((c, i) => [c, scores[i]])));
						plan.aspects.forEach((aspect, a) => expect(Object.is(out[a], expected[aspect])).toBe(true));
					}
				)
			);
		});
	}
});
