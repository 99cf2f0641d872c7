import Database from 'better-sqlite3';
import { expect, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { connect } from 'node:net';
import { baseURL, signIn } from './browser';

// Helpers of the offline score-sheet tests (offline-sheet*.test.ts).
const PASSWORD = 'Demo#Rapor2026';

const db = (path = inject('databasePath')) => new Database(path, { readonly: true, fileMustExist: true });

/** The stored sheet of a visit; `databasePath` serves a test that starts its own app. */
export function storedSheet(visitId: number, email: string, databasePath?: string) {
	const conn = db(databasePath);
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

/** The stored level of each indicator code on the assessor's sheet of the visit. */
export function storedLevels(visitId: number, email: string, codes: string[]): Record<string, number | null> {
	const conn = db();
	try {
		const row = conn.prepare(
			`select sc.score from score sc join score_sheet s on s.id = sc.sheet_id
			 join user u on u.id = s.assessor_id join indicator i on i.id = sc.indicator_id
			 where s.visit_id = ? and u.email = ? and i.code = ?`
		);
		return Object.fromEntries(
			codes.map((code) => [
				code,
				(row.get(visitId, email, code) as { score: number | null } | undefined)?.score ?? null
			])
		);
	} finally {
		conn.close();
	}
}

/** Posts one evidence file for indicator 1.a.K1 from the page under `key`, as the outbox sends a photo. */
export function postEvidence(
	page: Page,
	visitId: number,
	key: string,
	file: { bytes: number[]; name: string }
) {
	return page.evaluate(
		async ({ id, key, bytes, name }) => {
			const body = new FormData();
			body.set('indicator', '1.a.K1');
			body.set('file', new Blob([new Uint8Array(bytes)]), name);
			const res = await fetch(`/penilaian/${id}/bukti`, {
				method: 'POST',
				body,
				headers: { 'idempotency-key': key }
			});
			return {
				status: res.status,
				replayed: res.headers.get('idempotent-replayed'),
				body: (await res.json().catch(() => null)) as unknown
			};
		},
		{ id: visitId, key, ...file }
	);
}

/** Signs in, waits for the service worker to control the page and prepares the visits. */
export async function prepare(page: Page, email: string): Promise<number> {
	await signIn(page, email, PASSWORD);
	await page.goto('/penilaian');
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	// The worker claims the open pages when it activates (src/service-worker.ts), but a page still
	// loading at that moment is not claimed and stays uncontrolled until it loads again, as a
	// user's next visit would (seen once in a full run: 30 s without a controller). Load it again then.
	const controlled = (timeout: number) =>
		page
			.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout })
			.then(
				() => true,
				() => false
			);
	if (!(await controlled(10_000))) {
		await page.reload();
		expect(await controlled(30_000)).toBe(true);
	}
	await page.click('[data-testid=prepare-offline] button');
	await page.waitForFunction(() =>
		/lembar tersimpan/.test(document.querySelector('[data-testid=prepare-state]')?.textContent ?? '')
	);
	const href = (await page.getAttribute('main li.state-not_started a', 'href'))!;
	return Number(href.split('/').pop());
}

export async function scoreAll(page: Page): Promise<string[]> {
	const codes = await page.$$eval('input[type=radio][value="3"]', (els) =>
		els.map((e) => (e as HTMLInputElement).name.slice('score.'.length))
	);
	for (const [i, code] of codes.entries()) {
		// the first one at 5 needs its note (docs/rules.md §4.1); every indicator gets a note
		await page.click(`label:has(> input[name="score.${code}"][value="${i === 0 ? 5 : 3}"])`);
		await page.fill(`textarea[name="note.${code}"]`, `Catatan luring ${code}`);
	}
	return codes;
}

export const stateLine = (page: Page) => page.textContent('[data-testid=offline-state-line]');

/**
 * Waits until the offline state line matches; on a timeout the error says where the page was and
 * what it showed (the line, the status under it, the signal the page believes, its worker), since a
 * bare "Timeout 30000ms exceeded" cannot tell an outbox that never left from a page that never loaded.
 */
export async function waitForStateLine(page: Page, pattern: RegExp, timeout = 30_000): Promise<void> {
	try {
		await page.waitForFunction(
			(source) =>
				new RegExp(source).test(
					document.querySelector('[data-testid=offline-state-line]')?.textContent ?? ''
				),
			pattern.source,
			{ timeout }
		);
	} catch (e) {
		const seen = await page
			.evaluate(() => ({
				url: location.href,
				line: document.querySelector('[data-testid=offline-state-line]')?.textContent ?? null,
				status:
					document.querySelector('[data-testid=offline-status] [role=status]')?.textContent?.trim() ?? null,
				main: document.querySelector('main')?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 300) ?? null,
				onLine: navigator.onLine,
				controlled: navigator.serviceWorker.controller !== null
			}))
			.catch((reason: unknown) => ({ unreadable: String(reason) }));
		// what went wrong in the page since it last loaded (an error there leaves the DOM as it was)
		const errors = [
			...(await page.pageErrors({ filter: 'since-navigation' }).catch(() => [])).map((e) => String(e)),
			...(await page.consoleMessages({ filter: 'since-navigation' }).catch(() => []))
				.filter((c) => c.type() === 'error' || c.type() === 'warning')
				.map((c) => `${c.type()}: ${c.text()}`)
		];
		throw new Error(
			`state line never matched ${pattern} within ${timeout} ms; the page showed ${JSON.stringify(seen)}; its errors: ${JSON.stringify(errors)}`,
			{
				cause: e
			}
		);
	}
}

/**
 * Sends the first half of a request's body over a raw socket and closes it, as a phone losing its
 * signal mid-upload does; resolves once the server has had time to see the cut.
 */
export function sendCutOff(path: string, headers: Record<string, string>, body: Uint8Array): Promise<void> {
	const url = new URL(path, baseURL());
	return new Promise((resolve, reject) => {
		const socket = connect(Number(url.port), url.hostname, () => {
			const head = [
				`POST ${url.pathname} HTTP/1.1`,
				`host: ${url.host}`,
				`content-length: ${body.length}`,
				...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
				'',
				''
			].join('\r\n');
			socket.write(head);
			socket.write(body.subarray(0, body.length >> 1), () => {
				socket.destroy();
				setTimeout(resolve, 500);
			});
		});
		socket.on('error', reject);
	});
}
