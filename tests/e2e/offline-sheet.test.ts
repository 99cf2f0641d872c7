import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, signIn, type Session } from './support/browser';

const PASSWORD = 'Demo#Rapor2026';
let s: Session;

beforeAll(async () => {
	s = await openBrowser({ width: 390, height: 844 });
});
afterAll(() => s.close());

const db = () => new Database(inject('databasePath'), { readonly: true, fileMustExist: true });

function storedSheet(visitId: number, email: string) {
	const conn = db();
	try {
		const sheet = conn
			.prepare(
				`select s.id, s.status, s.version from score_sheet s join user u on u.id = s.assessor_id
				 where s.visit_id = ? and u.email = ?`
			)
			.get(visitId, email) as { id: number; status: string; version: number } | undefined;
		if (!sheet) return null;
		const scores = conn
			.prepare(`select count(*) n, count(note) notes from score where sheet_id = ? and score is not null`)
			.get(sheet.id) as { n: number; notes: number };
		const evidence = conn.prepare(`select count(*) n from evidence where sheet_id = ?`).get(sheet.id) as {
			n: number;
		};
		return { ...sheet, scored: scores.n, notes: scores.notes, evidence: evidence.n };
	} finally {
		conn.close();
	}
}

/** Signs in, waits for the service worker to control the page and prepares the visits. */
async function prepare(page: Page, email: string): Promise<number> {
	await signIn(page, email, PASSWORD);
	await page.goto('/penilaian');
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
	await page.click('[data-testid=prepare-offline] button');
	await page.waitForFunction(() =>
		/lembar tersimpan/.test(document.querySelector('[data-testid=prepare-state]')?.textContent ?? '')
	);
	const href = (await page.getAttribute('main li.state-not_started a', 'href'))!;
	return Number(href.split('/').pop());
}

async function scoreAll(page: Page): Promise<string[]> {
	const codes = await page.$$eval('input[type=radio][value="3"]', (els) =>
		els.map((e) => (e as HTMLInputElement).name.slice('score.'.length))
	);
	for (const [i, code] of codes.entries()) {
		// the first one at 5 needs its note (spec 4.1); every indicator gets a note
		await page.click(`label:has(> input[name="score.${code}"][value="${i === 0 ? 5 : 3}"])`);
		await page.fill(`textarea[name="note.${code}"]`, `Catatan luring ${code}`);
	}
	return codes;
}

const stateLine = (page: Page) => page.textContent('[data-testid=offline-state-line]');

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
		await page.waitForFunction(() =>
			/^akan dikirim, 37\/37 ✓/.test(
				document.querySelector('[data-testid=offline-state-line]')?.textContent ?? ''
			)
		);
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
