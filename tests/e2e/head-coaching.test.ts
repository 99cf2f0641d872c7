import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, type Session } from './support/browser';
import { dbRead, DEMO_PASSWORD } from './support/http';

// A head of two hospitals reads coaching one unit at a time, without the office's filters
// (README, "Coaching").
const HEAD = 'direktur.rsud@kotacontoh.go.id';
let s: Session;

beforeAll(async () => {
	s = await openBrowser({ width: 390, height: 844 });
	await signIn(s.page, HEAD, DEMO_PASSWORD);
});
afterAll(() => s.close());

describe('coaching for a head of several units', () => {
	it('groups plans and overdue items under each of the head’s units, with no admin filters', async () => {
		const p = s.page;
		await p.goto('/pembinaan');
		const expected = dbRead<{ code: string }>(
			`select distinct u.code from coaching_plan p join unit u on u.id = p.unit_id
			 join unit_head h on h.unit_id = u.id join "user" x on x.id = h.user_id
			 where x.email = ? and p.status <> 'draft' order by u.code`,
			HEAD
		).map((r) => r.code);
		expect(expected.length).toBeGreaterThan(0);
		const sections = p.locator('[data-testid=head-unit]');
		expect(await sections.count()).toBe(expected.length);
		const headings = await sections.locator('h2').allTextContents();
		expect(headings.map((h) => h.match(/RSUD-\w+/)![0]).sort()).toEqual(expected);
		expect(await p.locator('main form[method=GET]').count()).toBe(0);
		expect(await p.locator('select[name=status], input[name=kategori]').count()).toBe(0);
		expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await p.screenshot({ path: '/tmp/office-shots/head-coaching-390.png', fullPage: true });
	});
});
