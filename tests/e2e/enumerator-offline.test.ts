import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runAdmin } from './support/cli';
import { openBrowser, signIn, type Session } from './support/browser';

// README "Survey enumerators": a tablet enters face-to-face questionnaires without signal across
// reloads; they arrive once, under the channel `enumerator`, and the IKM counts them once.
const EMAIL = 'enumerator.e2e@survei-contoh.co.id';
const PASSWORD = 'Enumerasi#2026';
const UNIT = 'KEL-07';
let tablet: Session;
let admin: Session;

function stored(): { n: number; devices: number } {
	const db = new Database(inject('databasePath'), { readonly: true, fileMustExist: true });
	try {
		return db
			.prepare(
				`select count(*) n, count(distinct r.device_id) devices from survey_response r
				 join unit u on u.id = r.unit_id where u.code = ? and r.source = 'enumerator'`
			)
			.get(UNIT) as { n: number; devices: number };
	} finally {
		db.close();
	}
}

const state = (p: Page) => p.textContent('[data-testid=enumerator-state]');

/** Enters `count` questionnaires while `queued` already wait; each one must reach the outbox. */
async function enterQuestionnaires(p: Page, queued: number, count: number): Promise<void> {
	for (let i = 1; i <= count; i++) {
		for (let u = 1; u <= 9; u++) await p.check(`input[name=u${u}][value="${u % 2 ? 4 : 3}"]`);
		await p.selectOption('#e-sex', i % 2 ? 'L' : 'P');
		await p.click('[data-testid=enumerator-form] button[type=submit]');
		await p.waitForFunction(
			(n) =>
				document.querySelector('[data-testid=enumerator-state]')?.textContent?.trim() ===
				`${n} menunggu kirim`,
			queued + i,
			{ timeout: 10_000 }
		);
	}
}

beforeAll(async () => {
	runAdmin(
		'create-user',
		'--email',
		EMAIL,
		'--name',
		'Enumerator Uji',
		'--role',
		'enumerator',
		'--password',
		PASSWORD
	);
	runAdmin('assign-enumerator', '--period', 'MPP-2026', '--unit', UNIT, '--enumerator', EMAIL);
	tablet = await openBrowser({ width: 800, height: 1280 });
	admin = await openBrowser();
}, 120_000);
afterAll(async () => {
	await tablet.close();
	await admin.close();
});

describe('a survey enumerator without signal', () => {
	it('enters 20 questionnaires across two reloads; they arrive once and the IKM shows the channel', async () => {
		const p = tablet.page;
		await signIn(p, EMAIL, PASSWORD);
		expect(new URL(p.url()).pathname).toBe('/enumerasi');
		await p.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		await p.waitForFunction(() => navigator.serviceWorker.controller !== null);
		// with the service worker in control, this visit leaves the page's copy on the device
		await p.reload();
		expect(await p.textContent('[data-testid=enumerator-units]')).toContain(UNIT);
		expect(await state(p)).toBe('semua terkirim');

		await tablet.context.setOffline(true);
		await enterQuestionnaires(p, 0, 10);
		expect(await state(p)).toBe('10 menunggu kirim');
		await p.reload();
		await p.waitForFunction(() =>
			/10 menunggu kirim/.test(document.querySelector('[data-testid=enumerator-state]')?.textContent ?? '')
		);
		await enterQuestionnaires(p, 10, 10);
		await p.reload();
		await p.waitForFunction(() =>
			/20 menunggu kirim/.test(document.querySelector('[data-testid=enumerator-state]')?.textContent ?? '')
		);
		expect(stored()).toEqual({ n: 0, devices: 0 });

		await tablet.context.setOffline(false);
		await p.waitForFunction(
			() =>
				document.querySelector('[data-testid=enumerator-state]')?.textContent?.trim() === 'semua terkirim',
			undefined,
			{ timeout: 30_000 }
		);
		expect(stored()).toEqual({ n: 20, devices: 20 });

		// a resend of an item whose answer was lost is answered from the first arrival
		const deviceId = (() => {
			const db = new Database(inject('databasePath'), { readonly: true });
			try {
				return (
					db.prepare(`select device_id from survey_response where source = 'enumerator' limit 1`).get() as {
						device_id: string;
					}
				).device_id;
			} finally {
				db.close();
			}
		})();
		const resend = await p.evaluate(async (id) => {
			const res = await fetch('/enumerasi/respon', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					deviceId: id,
					unitCode: 'KEL-07',
					givenAt: new Date().toISOString(),
					fields: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`u${i + 1}`, '1']))
				})
			});
			return { status: res.status, body: await res.json() };
		}, deviceId);
		expect(resend).toMatchObject({ status: 200, body: { replayed: true } });
		expect(stored()).toEqual({ n: 20, devices: 20 });
		await p.reload();
		expect(await p.textContent('[data-testid=enumerator-units] [data-testid=entered]')).toBe('20');

		await signIn(admin.page, 'admin@kotacontoh.go.id', 'Demo#Rapor2026');
		await admin.page.goto('/admin/survei/MPP-2026');
		expect(await admin.page.textContent('[data-testid=channel-counts]')).toMatch(/\b20 enumerator$/);
		const channel = admin.page.locator(
			'section:has(h2:text("IKM menurut kanal")) tr:has(td:text-is("Enumerator"))'
		);
		expect((await channel.locator('td').nth(1).innerText()).trim()).toBe('20');
	}, 240_000);
});
