import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runAdmin } from './support/cli';
import { openBrowser, signIn, type Session } from './support/browser';
import { DEMO, DEMO_PASSWORD, dbRead } from './support/http';

// README "Survey enumerators": the office assigns an enumerator on the period's survey page at a
// desk; the enumerator then signs in on a phone and finds the unit there.
const EMAIL = 'enumerator.roster@survei-contoh.co.id';
const PASSWORD = 'Enumerasi#Roster26';
const PERIOD = 'MPP-2026';
const UNITS = ['KEL-03', 'KEL-04'];
const SHOTS = join(tmpdir(), 'rapor-shots');
let office: Session;
let phone: Session;

const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const assignments = () =>
	dbRead<{ code: string }>(
		`select u.code from survey_enumerator se join unit u on u.id = se.unit_id
		 join period p on p.id = se.period_id join user x on x.id = se.user_id
		 where p.code = ? and x.email = ? order by u.code`,
		PERIOD,
		EMAIL
	).map((r) => r.code);

beforeAll(async () => {
	mkdirSync(SHOTS, { recursive: true });
	runAdmin(
		'create-user',
		'--email',
		EMAIL,
		'--name',
		'Enumerator Roster',
		'--role',
		'enumerator',
		'--password',
		PASSWORD
	);
	office = await openBrowser({ width: 1280, height: 900 });
	phone = await openBrowser({ width: 390, height: 844 });
}, 120_000);
afterAll(async () => {
	await office.close();
	await phone.close();
});

describe('the office assigns a survey enumerator on the web page', () => {
	it('assigns two units at a desk; the enumerator sees them on a phone; a removal asks first and keeps nothing else', async () => {
		const p = office.page;
		await signIn(p, DEMO.admin, DEMO_PASSWORD);
		await p.goto(`/admin/survei/${PERIOD}`);
		await Promise.all([
			p.waitForURL(`**/admin/survei/${PERIOD}/enumerator`),
			p.click('a:text-is("Enumerator")')
		]);
		await p.waitForLoadState('networkidle');

		// a refused request says what is wrong and assigns nothing
		const user = await p.locator('#user option', { hasText: EMAIL }).getAttribute('value');
		await p.selectOption('#user', user!);
		await p.click('[data-testid=roster-assign] button[type=submit]');
		await p.waitForSelector('[data-testid=roster-assign] .error');
		expect(await p.textContent('[data-testid=roster-assign] .error')).toContain('Pilih sedikitnya satu unit');
		expect(assignments()).toEqual([]);

		for (const u of UNITS) await p.check(`input[name=unit][value="${u}"]`);
		await Promise.all([
			p.waitForURL(/ditugaskan=2/),
			p.click('[data-testid=roster-assign] button[type=submit]')
		]);
		expect(await p.textContent('[data-testid=roster-saved]')).toContain(`${EMAIL} ditugaskan pada 2 unit`);
		for (const u of UNITS)
			expect(await p.textContent(`[data-testid=roster] > li[data-unit="${u}"]`)).toContain(EMAIL);
		expect(assignments()).toEqual(UNITS);

		// the same unit again is a duplicate, refused by name
		await p.selectOption('#user', user!);
		await p.check(`input[name=unit][value="${UNITS[0]}"]`);
		await p.click('[data-testid=roster-assign] button[type=submit]');
		await p.waitForSelector('[data-testid=roster-assign] .error');
		expect(await p.textContent('[data-testid=roster-assign] .error')).toContain(
			`sudah ditugaskan pada: ${UNITS[0]}`
		);
		await p.goto(`/admin/survei/${PERIOD}/enumerator`);
		await shot(p, 'off4-roster-1280');

		const s = phone.page;
		await signIn(s, EMAIL, PASSWORD);
		expect(new URL(s.url()).pathname).toBe('/enumerasi');
		const units = await s.textContent('[data-testid=enumerator-units]');
		for (const u of UNITS) expect(units).toContain(u);
		await shot(s, 'off4-enumerator-units-390');

		// the removal asks first and says the questionnaires already entered stay
		const row = p.locator(
			`[data-testid=roster] > li[data-unit="${UNITS[1]}"] li[data-enumerator="${EMAIL}"]`
		);
		await row.locator('summary').click();
		expect(await row.locator('form p').textContent()).toContain('tetap tersimpan');
		await Promise.all([p.waitForURL(/dicabut=/), row.locator('button[type=submit]').click()]);
		expect(assignments()).toEqual([UNITS[0]]);

		const narrow = await openBrowser({ width: 390, height: 844 });
		try {
			await signIn(narrow.page, DEMO.admin, DEMO_PASSWORD);
			await narrow.page.goto(`/admin/survei/${PERIOD}/enumerator`);
			const overflow = await narrow.page.evaluate(
				() => document.documentElement.scrollWidth > window.innerWidth
			);
			expect(overflow).toBe(false);
			await shot(narrow.page, 'off4-roster-390');
		} finally {
			await narrow.close();
		}
	}, 240_000);
});
