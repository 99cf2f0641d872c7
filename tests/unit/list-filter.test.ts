import { describe, expect, it } from 'vitest';
import { boundedSearchText, readUnitListFilter, SEARCH_TEXT_MAX } from '../../src/lib/domain/list-filter';

describe("a list's search in its address", () => {
	it('reads the search text trimmed, and nothing as empty', () => {
		expect(boundedSearchText('  kel-07 ')).toBe('kel-07');
		expect(boundedSearchText(null)).toBe('');
		expect(boundedSearchText(undefined)).toBe('');
	});

	it('cuts a pasted page of text at the one bound every search box takes', () => {
		expect(boundedSearchText('x'.repeat(5000))).toHaveLength(SEARCH_TEXT_MAX);
		expect(boundedSearchText(` ${'y'.repeat(SEARCH_TEXT_MAX)} `)).toBe('y'.repeat(SEARCH_TEXT_MAX));
	});

	it('reads a unit list filter: search text and a category id', () => {
		expect(readUnitListFilter(new URLSearchParams('q=+pkm+&kategori=3&hal=2'))).toEqual({
			q: 'pkm',
			categoryId: 3
		});
		expect(readUnitListFilter(new URLSearchParams(''))).toEqual({ q: '', categoryId: undefined });
	});

	it('reads a category that is not an id as all categories', () => {
		for (const odd of ['0', '-2', '1.5', 'abc', '1e400', '9007199254740993', ''])
			expect(readUnitListFilter(new URLSearchParams({ kategori: odd })).categoryId).toBeUndefined();
	});
});
