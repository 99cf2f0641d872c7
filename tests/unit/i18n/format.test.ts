import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber } from '../../../src/lib/domain/format';
import { formatDecimal } from '../../../src/lib/domain/scoring/display';

describe('display in the reader language (docs/rules.md §2)', () => {
	it('writes numbers the Indonesian way by default and the English way on request', () => {
		expect(formatNumber(1234.5, 2)).toBe('1.234,50');
		expect(formatNumber(1234.5, 2, 'en')).toBe('1,234.50');
		expect(formatNumber(-0.001, 2, 'en')).toBe('0.00');
	});

	it('rounds IPP values half up in both languages', () => {
		expect(formatDecimal(4.505, 2)).toBe('4,51');
		expect(formatDecimal(4.505, 2, 'en')).toBe('4.51');
		expect(formatDecimal(12345.678, 1, 'en')).toBe('12,345.7');
	});

	it('names months in the chosen language', () => {
		expect(formatDate('2026-08-22')).toBe('22 Agustus 2026');
		expect(formatDate('2026-08-22', 'en')).toBe('22 August 2026');
		const t = new Date('2026-05-01T07:05:00Z');
		expect(formatDateTime(t, 'id')).toBe('1 Mei 2026 14.05');
		expect(formatDateTime(t, 'en')).toBe('1 May 2026 14:05');
	});
});
