import { describe, expect, it } from 'vitest';
import { matchesUnit, searchWords } from '../../../src/lib/domain/text/unit-search';

const unit = { name: 'Kelurahan Wilayah Selatan', code: 'KEL-07' };

describe('finding a unit by name or code', () => {
	it('matches every typed word in any order, whatever the case', () => {
		expect(matchesUnit(unit, searchWords('selatan WIL'))).toBe(true);
		expect(matchesUnit(unit, searchWords('kel-07'))).toBe(true);
		expect(matchesUnit(unit, searchWords('selatan utara'))).toBe(false);
	});

	it('ignores accents and punctuation between words', () => {
		expect(matchesUnit({ name: 'Puskesmas Pérumnas', code: 'PKM-1' }, searchWords('perumnas,  pkm'))).toBe(
			true
		);
	});

	it('matches everything for an empty or blank query', () => {
		expect(searchWords('   ')).toEqual([]);
		expect(matchesUnit(unit, searchWords(null))).toBe(true);
	});
});
