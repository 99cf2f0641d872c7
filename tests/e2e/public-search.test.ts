import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type Session } from './support/browser';

// The public results find "my kelurahan" (README, "Public results"): typing part of a name narrows
// every category to the matching units, each keeping its rank in the whole category.
const PERIOD = '/hasil/MPP-2025';
let s: Session;

beforeAll(async () => {
	s = await openBrowser({ width: 390, height: 844 });
});
afterAll(() => s.close());

const rows = () => s.page.locator('[data-testid=rank-row]');
async function rankOf(name: string): Promise<string> {
	const row = rows().filter({ hasText: name }).first();
	return (await row.locator('td.rank').textContent())!.trim();
}

describe('finding a unit in the public results', () => {
	it('narrows the rankings as one types, keeping each unit’s rank', async () => {
		const p = s.page;
		await p.goto(PERIOD);
		const all = await rows().count();
		expect(all).toBeGreaterThan(3);
		const last = rows().last();
		const name = (await last.locator('.name').textContent())!.trim();
		const rank = await rankOf(name);
		const word = name.split(/\s+/).at(-1)!;

		await p.fill('#cari', word.toLowerCase());
		await p.waitForURL(/cari=/);
		await p.waitForFunction((n) => document.querySelectorAll('[data-testid=rank-row]').length < n, all);
		for (const row of await rows().all())
			expect((await row.textContent())!.toLowerCase()).toContain(word.toLowerCase());
		expect(await rankOf(name)).toBe(rank);
		expect(await p.textContent('[data-testid=search-status]')).toContain('cocok');
		expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await p.screenshot({ path: '/tmp/office-shots/public-search-390.png', fullPage: true });
	});

	it('says so when nothing matches, and shows everything again on request', async () => {
		const p = s.page;
		await p.goto(`${PERIOD}?cari=${encodeURIComponent('zzz tidak ada')}`);
		expect(await rows().count()).toBe(0);
		expect(await p.textContent('[data-testid=search-status]')).toContain('Tidak ada unit yang cocok');
		await Promise.all([
			p.waitForURL((u) => !u.search.includes('cari')),
			p.click('[data-testid=search-status] a')
		]);
		expect(await rows().count()).toBeGreaterThan(3);
		expect(await p.inputValue('#cari')).toBe('');
	});
});
