import { describe, expect, it } from 'vitest';
import {
	aspectTieBreakOrder,
	scoredAspects,
	scoredIndicators
} from '../../../src/lib/domain/instrument/queries';
import { loadShipped } from './shipped';

describe('instrument queries', () => {
	it('counts 37 scored indicators in 17/2017 and 30 in 29/2022 (INF.01 is recorded only)', () => {
		expect(scoredIndicators(loadShipped('permenpan-17-2017'))).toHaveLength(37);
		const pekppp = loadShipped('pekppp-29-2022');
		expect(scoredIndicators(pekppp)).toHaveLength(30);
		expect(scoredIndicators(pekppp).map((i) => i.code)).not.toContain('INF.01');
		expect(scoredAspects(pekppp).map((a) => a.code)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI']);
	});

	it('orders aspects for tie-breaks by weight, equal weights in instrument order', () => {
		expect(aspectTieBreakOrder(loadShipped('permenpan-17-2017'))).toEqual([
			'I',
			'II',
			'III',
			'IV',
			'V',
			'VI'
		]);
		expect(aspectTieBreakOrder(loadShipped('pekppp-29-2022'))).toEqual(['II', 'I', 'III', 'VI', 'IV', 'V']);
		expect(
			aspectTieBreakOrder({
				aspects: [
					{ code: 'A', weight: 0.2 },
					{ code: 'B', weight: 0.4 },
					{ code: 'C', weight: 0.2 },
					{ code: 'D', weight: 0 },
					{ code: 'E', weight: 0.2 }
				]
			})
		).toEqual(['B', 'A', 'C', 'E']);
	});
});
