import { describe, expect, it } from 'vitest';
import { PAGE_PARAM, fetchPage, pageWindow, readPage } from '../../../src/lib/domain/pagination';

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

describe('a page the database lists', () => {
	const rows = Array.from({ length: 120 }, (_, k) => k + 1);
	function table() {
		const calls: [number, number][] = [];
		const fetch = async (limit: number, offset: number) => {
			calls.push([limit, offset]);
			return { rows: rows.slice(offset, offset + limit), total: rows.length };
		};
		return { calls, fetch };
	}

	it('reads the requested page with one query', async () => {
		const { calls, fetch } = table();
		const { result, window } = await fetchPage(2, 50, fetch);
		expect(window).toEqual({ page: 2, pages: 3, limit: 50, offset: 50 });
		expect(result.rows[0]).toBe(51);
		expect(calls).toEqual([[50, 50]]);
	});

	it('answers the last page for a page past the end, as a list in memory does', async () => {
		const { calls, fetch } = table();
		const { result, window } = await fetchPage(999, 50, fetch);
		expect(window.page).toBe(3);
		expect(result.rows).toEqual(rows.slice(100));
		expect(calls).toEqual([
			[50, 49900],
			[50, 100]
		]);
	});

	it('answers page 1 of 1 for an empty list', async () => {
		const fetch = async () => ({ rows: [], total: 0 });
		expect((await fetchPage(4, 50, fetch)).window).toEqual({ page: 1, pages: 1, limit: 50, offset: 0 });
	});
});
