import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, type Session } from './support/browser';
import { DEMO, DEMO_PASSWORD, http, httpSignIn } from './support/http';

// The unit fields of the office's forms (paper survey entry, calibration anchor, visit
// assignment) suggest the period's units that match what is typed, from
// /admin/periode/{code}/unit.json, instead of sending every unit with the page.
const SHOTS = join(tmpdir(), 'rapor-shots');
const SUGGEST = '/admin/periode/MPP-2026/unit.json';
let cookie: string;
let phone: Session;

beforeAll(async () => {
	mkdirSync(SHOTS, { recursive: true });
	cookie = await httpSignIn(DEMO.admin);
	phone = await openBrowser({ width: 390, height: 844 });
	await signIn(phone.page, DEMO.admin, DEMO_PASSWORD);
}, 120_000);
afterAll(async () => phone?.close());

interface Suggestions {
	units: { code: string; name: string; category: string }[];
}

describe('unit suggestions', () => {
	it('answers a few matching units of the period, codes that start with the query first', async () => {
		const res = await http(`${SUGGEST}?q=kel`, { cookie });
		expect(res.status).toBe(200);
		const { units } = (await res.json()) as Suggestions;
		expect(units.length).toBeGreaterThan(0);
		expect(units.length).toBeLessThanOrEqual(20);
		expect(units[0].code).toMatch(/^KEL-/);
		for (const u of units) expect(`${u.code} ${u.name}`.toLowerCase()).toContain('kel');
		expect(Object.keys(units[0]).sort()).toEqual(['category', 'code', 'name']);
	});

	it('refuses a query that is too long and a period that does not exist, saying which', async () => {
		const long = await http(`${SUGGEST}?q=${'x'.repeat(101)}`, {
			cookie,
			headers: { accept: 'application/json' }
		});
		expect(long.status).toBe(400);
		expect(((await long.json()) as { message: string }).message).toContain('100');
		const missing = await http('/admin/periode/TIDAK-ADA/unit.json?q=kel', {
			cookie,
			headers: { accept: 'application/json' }
		});
		expect(missing.status).toBe(404);
		expect(((await missing.json()) as { message: string }).message).toContain('TIDAK-ADA');
	});

	it('fills the unit field of paper survey entry on a phone as the office types', async () => {
		const p = phone.page;
		await p.goto('/admin/survei/MPP-2026/kertas', { waitUntil: 'networkidle' });
		expect(await p.locator('datalist option').count()).toBe(0);
		await p.fill('input[name="r1.unit_code"]', 'pkm');
		const options = p.locator('datalist option');
		// the field asks on focus (all units) and again for what was typed: wait for the latter
		await p.waitForFunction(() =>
			document.querySelector<HTMLOptionElement>('datalist option')?.value.startsWith('PKM-')
		);
		const labels = await options.evaluateAll((os) =>
			os.map((o) => `${(o as HTMLOptionElement).value} ${o.textContent}`)
		);
		for (const label of labels) expect(label).toMatch(/^PKM-\S+ .+ · Puskesmas/);
		await p.screenshot({ path: join(SHOTS, 'unit-suggestions-390.png'), fullPage: true });
	});
});
