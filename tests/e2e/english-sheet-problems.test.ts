import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, openBrowser, signIn, type Session } from './support/browser';
import { dbRead } from './support/http';

// What a score sheet still lacks (docs/rules.md §4.1) in the assessor's language (README "Where translation
// happens"): the check runs on the device before anything is sent, so nothing is saved here.
const ASSESSOR = 'dimas.bem@student.unc.ac.id';
let s: Session;

beforeAll(async () => {
	s = await openBrowser({ width: 390, height: 844 });
});
afterAll(() => s.close());

describe('an English-speaking assessor submitting an empty sheet', () => {
	it('reads the missing levels in English and nothing is stored', async () => {
		const page = s.page;
		await signIn(page, ASSESSOR, 'Demo#Rapor2026');
		await s.context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: baseURL() }]);
		await page.goto('/penilaian');
		const visitPath = (await page.getAttribute('main li.state-not_started a', 'href'))!;
		const visitId = Number(visitPath.split('/').pop());
		await page.goto(visitPath, { waitUntil: 'networkidle' });
		await page.click('main button[data-testid=submit-sheet]');
		const problems = page.locator('[data-testid=sheet-problems]');
		await problems.waitFor();
		const text = (await problems.textContent()) ?? '';
		expect(text).toMatch(/The sheet cannot be submitted yet: \d+ items need completing\./);
		expect(await problems.locator('a').first().textContent()).toMatch(/^\S+: no level chosen yet\.$/);
		expect(text).not.toContain('belum');
		const sheets = dbRead(
			'select 1 from score_sheet where visit_id = ? and assessor_id = (select id from user where email = ?)',
			visitId,
			ASSESSOR
		);
		expect(sheets).toEqual([]);
	});
});
