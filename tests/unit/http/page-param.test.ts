import { describe, expect, it } from 'vitest';
import { PAGE_PARAM, pageWindow, readPage } from '../../../src/lib/domain/pagination';

const q = (s: string) => new URLSearchParams(s);

describe('the one page parameter', () => {
	it('is hal, with page still read from older links', () => {
		expect(PAGE_PARAM).toBe('hal');
		expect(readPage(q('hal=3'))).toBe(3);
		expect(readPage(q('page=4'))).toBe(4);
		expect(readPage(q('hal=2&page=9'))).toBe(2);
		expect(readPage(q('selisih=5'), 'selisih')).toBe(5);
	});

	it.each(['99999999999999999999', '1e20', '-1', '0', '2.5', 'abc', '', 'Infinity', '0x10', ' 3'])(
		'reads hal=%j as a page the database can take',
		(raw) => {
			const page = readPage(q(`hal=${encodeURIComponent(raw)}`));
			expect(Number.isSafeInteger(page)).toBe(true);
			expect(page).toBeGreaterThanOrEqual(1);
			expect(page).toBeLessThanOrEqual(1_000_000);
			expect(Number.isSafeInteger(pageWindow(page, 10, 25).offset)).toBe(true);
		}
	);
});
