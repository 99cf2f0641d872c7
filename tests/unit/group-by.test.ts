import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupBy } from '../../src/lib/domain/group-by';

// The progress page groups a national period's sheets and assignments (hundreds of thousands)
// with groupBy; it must give what filtering per key gives, in linear time.
describe('groupBy', () => {
	it('keeps keys in the order first seen and each group in the items’ order', () => {
		const groups = groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (s) => s[0]);
		expect([...groups]).toEqual([
			['b', ['b1', 'b2']],
			['a', ['a1', 'a2']],
			['c', ['c1']]
		]);
	});

	it('gives for every key exactly the items a filter by that key gives', () => {
		fc.assert(
			fc.property(fc.array(fc.record({ key: fc.integer({ min: 0, max: 5 }), n: fc.integer() })), (items) => {
				const groups = groupBy(items, (i) => i.key);
				const keys = [...new Set(items.map((i) => i.key))];
				expect([...groups.keys()]).toEqual(keys);
				for (const k of keys) expect(groups.get(k)).toEqual(items.filter((i) => i.key === k));
			})
		);
	});
});
