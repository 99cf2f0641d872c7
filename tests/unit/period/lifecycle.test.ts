import { describe, expect, it } from 'vitest';
import { canTransition, manualTransitions } from '../../../src/lib/domain/period/lifecycle';
import { PERIOD_STATUSES } from '../../../src/lib/domain/period-status';
import { checkCoachingRule, readCoachingRule } from '../../../src/lib/domain/coaching/rule';

describe('period lifecycle', () => {
	it('allows exactly the transitions of the rulebook', () => {
		const allowed = PERIOD_STATUSES.flatMap((from) =>
			PERIOD_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}>${to}`)
		);
		expect(allowed.sort()).toEqual(
			[
				'draft>running',
				'running>review',
				'running>published',
				'review>running',
				'review>published',
				'published>archived'
			].sort()
		);
	});

	it('leaves publishing out of the plain status buttons', () => {
		expect(manualTransitions('review')).toEqual(['running']);
		expect(manualTransitions('archived')).toEqual([]);
	});
});

describe('coaching rule', () => {
	it('reads the stored default and falls back on damaged JSON', () => {
		expect(readCoachingRule('{"kind":"threshold","maxIpp":3,"aspectFloor":2.51}')).toEqual({
			kind: 'threshold',
			maxIpp: 3,
			aspectFloor: 2.51
		});
		expect(readCoachingRule('{"kind":"bottom_k","k":3}')).toEqual({ kind: 'bottom', k: 3 });
		expect(readCoachingRule('nonsense')).toEqual({ kind: 'threshold', maxIpp: 3, aspectFloor: 2.51 });
	});

	it('refuses a threshold rule with neither bound', () => {
		expect(checkCoachingRule({ kind: 'threshold', maxIpp: null, aspectFloor: null })).toHaveProperty(
			'coaching_max_ipp'
		);
		expect(checkCoachingRule({ kind: 'bottom', k: 0 })).toHaveProperty('coaching_k');
	});
});
