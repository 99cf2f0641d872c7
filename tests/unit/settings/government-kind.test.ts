import { describe, expect, it } from 'vitest';
import { governmentKindLabel, governmentKindOf } from '../../../src/lib/domain/settings/government-kind';

describe('the government kind', () => {
	it('prefers the stored kind, then the name, then "kota"', () => {
		expect(governmentKindOf('provinsi', 'Pemerintah Kabupaten Sleman')).toBe('provinsi');
		expect(governmentKindOf(undefined, 'Pemerintah Kabupaten Sleman')).toBe('kabupaten');
		expect(governmentKindOf('desa', 'PEMERINTAH PROVINSI JAWA TENGAH')).toBe('provinsi');
		expect(governmentKindOf(undefined, 'Pemerintah Kota Contoh')).toBe('kota');
		expect(governmentKindOf(undefined, '')).toBe('kota');
	});
	it('has a capitalised label for headings', () => {
		expect(governmentKindLabel('kabupaten')).toBe('Kabupaten');
	});
});
