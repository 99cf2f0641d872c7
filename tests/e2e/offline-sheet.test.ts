import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type Session } from './support/browser';
import { prepare, scoreAll, stateLine, storedSheet, waitForStateLine } from './support/offline';

let s: Session;

beforeAll(async () => {
	s = await openBrowser({ width: 390, height: 844 });
});
afterAll(() => s.close());

describe('an assessor without signal', () => {
	it('queues a submission made offline, checks it on the device first, and shows the server answer', async () => {
		await s.context.setOffline(false);
		await s.context.clearCookies();
		const page = s.page;
		const visitId = await prepare(page, 'fajar.bem@student.uic.ac.id');
		await s.context.setOffline(true);
		await page.goto(`/penilaian/${visitId}`);
		await page.locator('[data-testid=aspect-index]').waitFor();
		await page.click('[data-testid=offline-submit]');
		await page.locator('[data-testid=sheet-problems]').waitFor();
		expect(await page.locator('[data-testid=sheet-problems] li').count()).toBe(37);
		await scoreAll(page);
		await page.click('[data-testid=offline-submit]');
		await waitForStateLine(page, /^akan dikirim, 37\/37 ✓/);
		await page.reload();
		await page.locator('[data-testid=offline-state-line]').waitFor();
		expect(await stateLine(page)).toMatch(/^akan dikirim, 37\/37 ✓, \d menunggu kirim$/);
		await s.context.setOffline(false);
		await page.locator('[data-testid=server-answer]').waitFor({ timeout: 30_000 });
		expect(await page.textContent('[data-testid=server-answer]')).toContain('diterima');
		expect(await stateLine(page)).toBe('terkirim, 37/37 ✓, semua terkirim');
		expect(storedSheet(visitId, 'fajar.bem@student.uic.ac.id')).toMatchObject({
			status: 'submitted',
			scored: 37,
			notes: 37
		});
	}, 180_000);
});
