import Database from 'better-sqlite3';
import sharp from 'sharp';
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

// Pending (README, offline work): the reload of a stored sheet at /luring#kunjungan-N does not
// show the sheet yet; these two tests describe the intended behaviour and run once it is fixed.
describe('an assessor without signal', () => {
	it('prepares, works offline across reloads and everything arrives exactly once', async () => {
		const page = s.page;
		const visitId = await prepare(page, 'nadia.bem@student.unc.ac.id');

		await s.context.setOffline(true);
		await page.reload();
		expect(new URL(page.url()).pathname).toBe('/luring');
		await page.click(`a[href="#kunjungan-${visitId}"]`);
		await page.locator('[data-testid=aspect-index]').waitFor();
		const codes = await scoreAll(page);
		expect(codes.length).toBe(37);
		const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#37a' } })
			.jpeg()
			.toBuffer();
		await page.setInputFiles(`input[name="evidence.${codes[1]}"][capture]`, {
			name: 'loket.jpg',
			mimeType: 'image/jpeg',
			buffer: photo
		});
		await page.waitForFunction(() =>
			/2 menunggu kirim/.test(document.querySelector('[data-testid=offline-state-line]')?.textContent ?? '')
		);
		expect(await stateLine(page)).toBe('draf, 37/37 ✓, 2 menunggu kirim');

		// a reload without signal (the page comes from the service worker) loses nothing
		await page.reload();
		expect(new URL(page.url()).hash).toBe(`#kunjungan-${visitId}`);
		await page.locator('[data-testid=offline-state-line]').waitFor();
		expect(await stateLine(page)).toBe('draf, 37/37 ✓, 2 menunggu kirim');
		expect(await page.isChecked(`input[name="score.${codes[0]}"][value="5"]`)).toBe(true);
		expect(await page.inputValue(`textarea[name="note.${codes[36]}"]`)).toBe(`Catatan luring ${codes[36]}`);
		expect(await page.locator(`[id="ind-${codes[1]}"] img[src^="blob:"]`).count()).toBe(1);
		expect(storedSheet(visitId, 'nadia.bem@student.unc.ac.id')).toBeNull();

		await s.context.setOffline(false);
		await page.waitForFunction(
			() =>
				/semua terkirim/.test(document.querySelector('[data-testid=offline-state-line]')?.textContent ?? ''),
			undefined,
			{ timeout: 30_000 }
		);
		expect(storedSheet(visitId, 'nadia.bem@student.unc.ac.id')).toMatchObject({
			status: 'draft',
			version: 2,
			scored: 37,
			notes: 37,
			evidence: 1
		});
	}, 180_000);

	it('answers a resent outbox item from its receipt and stores nothing twice', async () => {
		await s.context.setOffline(false);
		const page = s.page;
		const visitId = Number(/kunjungan-(\d+)/.exec(page.url())![1]);
		const before = storedSheet(visitId, 'nadia.bem@student.unc.ac.id')!;
		const answers = await page.evaluate(async (id) => {
			const send = async () => {
				const body = new FormData();
				body.set('indicator', '1.a.K1');
				body.set('file', new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])]), 'ulang.pdf');
				const res = await fetch(`/penilaian/${id}/bukti`, {
					method: 'POST',
					body,
					headers: { 'idempotency-key': 'resend-test-0001' }
				});
				return { status: res.status, replayed: res.headers.get('idempotent-replayed') };
			};
			return [await send(), await send()];
		}, visitId);
		expect(answers).toEqual([
			{ status: 201, replayed: null },
			{ status: 201, replayed: 'true' }
		]);
		expect(storedSheet(visitId, 'nadia.bem@student.unc.ac.id')!.evidence).toBe(before.evidence + 1);
	});
});
