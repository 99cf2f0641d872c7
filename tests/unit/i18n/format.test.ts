import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, isoDateIn } from '../../../src/lib/domain/format';
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

	it('tells the date and time in every Indonesian zone as Intl does, from 1988 on', () => {
		const intl = (t: Date, timeZone: string) => {
			const p = new Intl.DateTimeFormat('en-GB', {
				timeZone,
				year: 'numeric',
				month: '2-digit',
				day: '2-digit',
				hour: '2-digit',
				minute: '2-digit',
				hourCycle: 'h23'
			}).formatToParts(t);
			const get = (k: string) => p.find((x) => x.type === k)!.value;
			return { iso: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
		};
		const zones = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura', 'UTC'];
		fc.assert(
			fc.property(
				fc.date({
					min: new Date('1988-01-01T00:00:00Z'),
					max: new Date('2100-01-01T00:00:00Z'),
					noInvalidDate: true
				}),
				fc.constantFrom(...zones),
				(t, zone) => {
					const expected = intl(t, zone);
					expect(isoDateIn(t, zone)).toBe(expected.iso);
					expect(formatDateTime(t, 'en', zone).endsWith(` ${expected.time}`)).toBe(true);
				}
			),
			{ numRuns: 2000 }
		);
		// Another zone, and the years before Pontianak's last change (UTC+8 until 1988), go through Intl.
		expect(isoDateIn(new Date('2026-06-30T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-07-01');
		expect(formatDateTime(new Date('1980-01-01T00:00:00Z'), 'en', 'Asia/Pontianak')).toBe(
			'1 January 1980 08:00'
		);
	});
});
