import { afterEach, describe, expect, it } from 'vitest';
import { rankOfText } from '../../../src/lib/i18n/display';
import { baseLocale, overwriteGetLocale } from '../../../src/lib/paraglide/runtime';

// A rank within its category reads the same on the unit head's home, the report card's rank
// tile and its trend table (all three call rankOfText): with the reader's digit grouping.
describe('a rank within its category', () => {
	afterEach(() => overwriteGetLocale(() => baseLocale));

	it('groups the digits the Indonesian way', () => {
		overwriteGetLocale(() => 'id');
		expect(rankOfText(2576, 16000)).toBe('2.576 dari 16.000');
		expect(rankOfText(3, 12)).toBe('3 dari 12');
	});

	it('groups the digits the English way', () => {
		overwriteGetLocale(() => 'en');
		expect(rankOfText(2576, 16000)).toBe('2,576 of 16,000');
	});
});
