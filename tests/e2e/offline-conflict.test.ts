import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp, type App } from './support/global-setup';
import { openBrowser, signIn, type Session } from './support/browser';
import { prepare, stateLine, storedSheet, waitForStateLine } from './support/offline';

// README "Install on a phone and offline work": a change made without signal meets a newer save
// of the same sheet from another device; the outbox stops at the version conflict, the sheet shows
// what differs per indicator, and the assessor's choice (this device's entry for one indicator,
// the stored one for another) is stored once. Its own app, so no other test file touches this visit.
const EMAIL = 'dr.ratna@unc.ac.id';
const X = '1.a.K2';
const Y = '1.a.K1';
let app: App;
let phone: Session;
let desk: Session;

beforeAll(async () => {
	app = await startApp(true, 'rapor-e2e-conflict.log');
	phone = await openBrowser({ width: 360, height: 780 }, app.baseURL);
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

describe('a change made offline meets a newer save from another device', () => {
	it('shows the per-indicator differences on reconnect and stores the chosen levels exactly once', async () => {
		const p = phone.page;
		const visitId = await prepare(p, EMAIL);
		// every save the phone sends: its Idempotency-Key and the levels of X and Y in its body
		const saves: { key: string; x: unknown; y: unknown }[] = [];
		p.on('request', (r) => {
			if (r.method() !== 'POST' || !r.url().endsWith(`/penilaian/${visitId}/simpan`)) return;
			const body = JSON.parse(r.postData() ?? '{}') as { values?: Record<string, { score: number }> };
			saves.push({
				key: r.headers()['idempotency-key'],
				x: body.values?.[X]?.score,
				y: body.values?.[Y]?.score
			});
		});

		await phone.context.setOffline(true);
		await p.goto(`/penilaian/${visitId}`);
		await p.locator('[data-testid=aspect-index]').waitFor();
		await pick(p, X, 2);
		await pick(p, Y, 3);
		await waitForStateLine(p, /1 menunggu kirim/);

		// meanwhile, with signal, the same sheet is saved at the desk with another level for X
		await signIn(desk.page, EMAIL, 'Demo#Rapor2026');
		await desk.page.goto(`/penilaian/${visitId}`);
		await pick(desk.page, X, 4);
		await pick(desk.page, Y, 1);
		await expect
			.poll(() => [scoreRows(visitId, X), scoreRows(visitId, Y)], { timeout: 30_000 })
			.toEqual([[4], [1]]);
		await desk.page.waitForFunction(() =>
			document.querySelector('[data-testid=save-state]')?.textContent?.startsWith('Tersimpan')
		);

		await phone.context.setOffline(false);
		const notice = p.locator('[data-testid=sheet-conflict]');
		await notice.waitFor({ timeout: 30_000 });
		expect(await notice.textContent()).toMatch(
			new RegExp(`${X.replace(/\./g, '\\.')}: tersimpan\\s*4, perangkat ini\\s*2`)
		);
		expect(await notice.textContent()).toMatch(
			new RegExp(`${Y.replace(/\./g, '\\.')}: tersimpan\\s*1, perangkat ini\\s*3`)
		);
		// nothing was written over the desk's save while the phone waits for the choice
		expect(scoreRows(visitId, X)).toEqual([4]);
		expect(scoreRows(visitId, Y)).toEqual([1]);
		expect(await stateLine(p)).toMatch(/1 menunggu kirim/);
		const refused = saves.length;
		expect(refused).toBeGreaterThanOrEqual(1);

		// this device's entry is preselected; the assessor keeps it for X and takes the stored Y
		const choice = (code: string, side: string) =>
			p.locator(`[data-testid="conflict-choice-${code}"] input[value=${side}]`);
		expect(await choice(X, 'mine').isChecked()).toBe(true);
		expect(await choice(Y, 'mine').isChecked()).toBe(true);
		await p.click(`[data-testid="conflict-choice-${Y}"] label:has(> input[value=theirs])`);
		await p.click('[data-testid=conflict-apply]');
		await waitForStateLine(p, /semua terkirim$/);
		expect(await p.locator('[data-testid=sheet-conflict]').count()).toBe(0);
		expect(scoreRows(visitId, X)).toEqual([2]);
		expect(scoreRows(visitId, Y)).toEqual([1]);
		// one more save carried exactly the chosen levels, under a key not used before
		expect(saves.slice(refused)).toEqual([{ key: expect.any(String), x: 2, y: 1 }]);
		expect(saves.slice(0, refused).map((s) => s.key)).not.toContain(saves[refused].key);
		// the phone's sheet shows the choice too
		expect(await p.isChecked(`input[name="score.${X}"][value="2"]`)).toBe(true);
		expect(await p.isChecked(`input[name="score.${Y}"][value="1"]`)).toBe(true);
		const sheet = storedSheet(visitId, EMAIL, app.databasePath)!;
		expect(sheet).toMatchObject({ status: 'draft', scored: 2 });
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
		expect(await desk.page.isChecked(`input[name="score.${Y}"][value="1"]`)).toBe(true);
		expect(sheet.version).toBeGreaterThanOrEqual(2);
	}, 240_000);
});
