import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type App } from './support/global-setup';
import { openBrowser, signIn, type Session } from './support/browser';
import { prepare, stateLine, storedSheet } from './support/offline';

// README "Install on a phone and offline work": a change made without signal meets a newer save
// of the same sheet from another device; the outbox stops at the version conflict, the sheet shows
// what differs per indicator, and the assessor's choice is stored once. Its own app, so no other
// test file touches this visit.
const EMAIL = 'dr.ratna@unc.ac.id';
const X = '1.a.K2';
let app: App;
let phone: Session;
let desk: Session;

beforeAll(async () => {
	app = await startApp(true, 'rapor-e2e-conflict.log');
	phone = await openBrowser({ width: 390, height: 844 }, app.baseURL);
	desk = await openBrowser({ width: 1280, height: 900 }, app.baseURL);
}, 240_000);
afterAll(async () => {
	await phone?.close();
	await desk?.close();
	await app?.stop();
});

/** Every stored score row of indicator `code` on the assessor's sheet of the visit. */
function scoreRows(visitId: number, code: string): (number | null)[] {
	const conn = new Database(app.databasePath, { readonly: true });
	try {
		return (
			conn
				.prepare(
					`select score.score from score
					 join score_sheet s on s.id = score.sheet_id join user u on u.id = s.assessor_id
					 join indicator i on i.id = score.indicator_id
					 where s.visit_id = ? and u.email = ? and i.code = ?`
				)
				.all(visitId, EMAIL, code) as { score: number | null }[]
		).map((r) => r.score);
	} finally {
		conn.close();
	}
}

const pick = (page: Page, code: string, level: number) =>
	page.click(`label:has(> input[name="score.${code}"][value="${level}"])`);
const waitState = (page: Page, pattern: RegExp, timeout = 30_000) =>
	page.waitForFunction(
		(source) =>
			new RegExp(source).test(document.querySelector('[data-testid=offline-state-line]')?.textContent ?? ''),
		pattern.source,
		{ timeout }
	);

describe('a change made offline meets a newer save from another device', () => {
	it('shows the per-indicator difference on reconnect and stores the chosen level exactly once', async () => {
		const p = phone.page;
		const visitId = await prepare(p, EMAIL);

		await phone.context.setOffline(true);
		await p.goto(`/penilaian/${visitId}`);
		await p.locator('[data-testid=aspect-index]').waitFor();
		await pick(p, X, 2);
		await waitState(p, /1 menunggu kirim/);

		// meanwhile, with signal, the same sheet is saved at the desk with another level for X
		await signIn(desk.page, EMAIL, 'Demo#Rapor2026');
		await desk.page.goto(`/penilaian/${visitId}`);
		await pick(desk.page, X, 4);
		await desk.page.waitForFunction(() =>
			document.querySelector('[data-testid=save-state]')?.textContent?.startsWith('Tersimpan')
		);
		expect(scoreRows(visitId, X)).toEqual([4]);

		await phone.context.setOffline(false);
		const notice = p.locator('[data-testid=sheet-conflict]');
		await notice.waitFor({ timeout: 30_000 });
		expect(await notice.textContent()).toMatch(
			new RegExp(`${X.replace(/\./g, '\\.')}: tersimpan\\s*4, perangkat ini\\s*2`)
		);
		// nothing was written over the desk's save while the phone waits for the choice
		expect(scoreRows(visitId, X)).toEqual([4]);
		expect(await stateLine(p)).toMatch(/1 menunggu kirim/);

		await p.click('[data-testid=sheet-conflict] button:has-text("Simpan versi saya")');
		await waitState(p, /semua terkirim$/);
		expect(await p.locator('[data-testid=sheet-conflict]').count()).toBe(0);
		expect(scoreRows(visitId, X)).toEqual([2]);
		const sheet = storedSheet(visitId, EMAIL, app.databasePath)!;
		expect(sheet).toMatchObject({ status: 'draft', scored: 1 });
		expect(
			await p.evaluate(
				() =>
					new Promise<number>((resolve, reject) => {
						const open = indexedDB.open('rapor-luring');
						open.onerror = () => reject(open.error);
						open.onsuccess = () => {
							const count = open.result.transaction('outbox').objectStore('outbox').count();
							count.onsuccess = () => resolve(count.result);
							count.onerror = () => reject(count.error);
						};
					})
			)
		).toBe(0);

		// the desk, reloaded, sees the level chosen on the phone; the version moved on once more
		await desk.page.reload();
		expect(await desk.page.isChecked(`input[name="score.${X}"][value="2"]`)).toBe(true);
		expect(sheet.version).toBeGreaterThanOrEqual(2);
	}, 240_000);
});
