import { afterEach, describe, expect, it } from 'vitest';
import { lackingText } from '../../../src/lib/i18n/server-text';
import { assessCompleteness } from '../../../src/lib/domain/scoring/completeness';
import { baseLocale, overwriteGetLocale } from '../../../src/lib/paraglide/runtime';

// What an incomplete unit still needs (docs/rules.md §4.6) is worded once, in the reader's
// language: the progress page, the results page and the preflight list all call lackingText.
describe('what an incomplete unit lacks', () => {
	afterEach(() => overwriteGetLocale(() => baseLocale));
	const rule = { requiredVisits: 2, requiredAssessors: 2 };
	const lacking = (visits: number, assessors: number) =>
		assessCompleteness({ visits, assessors }, rule).lacking;

	it('says it in Indonesian', () => {
		overwriteGetLocale(() => 'id');
		expect(lackingText(lacking(2, 1))).toBe('belum lengkap: kurang 1 penilai berbeda');
		expect(lackingText(lacking(1, 2))).toBe('belum lengkap: kurang 1 kunjungan');
		expect(lackingText(lacking(1, 1))).toBe('belum lengkap: kurang 1 kunjungan, kurang 1 penilai berbeda');
		expect(
			lackingText(
				assessCompleteness({ visits: 0, assessors: 0 }, { requiredVisits: 3, requiredAssessors: 2 }).lacking
			)
		).toBe('belum lengkap: kurang 3 kunjungan, kurang 2 penilai berbeda');
		expect(lackingText(lacking(2, 2))).toBe('lengkap');
	});

	it('says it in English, with the plural where it belongs', () => {
		overwriteGetLocale(() => 'en');
		expect(lackingText(lacking(1, 1))).toBe('incomplete: 1 visit short, 1 distinct assessor short');
		expect(
			lackingText(
				assessCompleteness({ visits: 0, assessors: 0 }, { requiredVisits: 3, requiredAssessors: 2 }).lacking
			)
		).toBe('incomplete: 3 visits short, 2 distinct assessors short');
		expect(lackingText(lacking(3, 3))).toBe('complete');
	});
});
