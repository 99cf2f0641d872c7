import { describe, expect, it } from 'vitest';
import { sortByCategoryOrder } from '../../../src/lib/domain/scoring/category-order';

describe('category order', () => {
	const id = (s: string) => s;
	it('follows the given order and puts unknown names last, alphabetically', () => {
		expect(
			sortByCategoryOrder(['Kelurahan', 'OPD', 'Puskesmas', 'Desa'], ['Puskesmas', 'Kelurahan'], id)
		).toEqual(['Puskesmas', 'Kelurahan', 'Desa', 'OPD']);
	});
	it('is alphabetical without an order and leaves its input alone', () => {
		const input = ['Puskesmas', 'Kelurahan'];
		expect(sortByCategoryOrder(input, undefined, id)).toEqual(['Kelurahan', 'Puskesmas']);
		expect(input).toEqual(['Puskesmas', 'Kelurahan']);
	});
});
