import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { takePhoto } from './support/sheet-photo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ensureBuilt, freePort, newestMtime, spawnServer, waitForServer } from './support/global-setup';
import { openBrowser, type Session } from './support/browser';
import { prepare, stateLine, storedSheet, waitForStateLine } from './support/offline';

// README "Install on a phone and offline work" (New builds): a new build is deployed while a
// device holds unsent scores and a photo; the new service worker replaces the old caches and the
// outbox still arrives, exactly once. The newer build is made once into node_modules/.cache (so
// its server finds the same packages) under its own version name, and reused while the sources
// are unchanged, as ensureBuilt does for build/.
const NEXT_OUT = 'node_modules/.cache/rapor-next-build';
const NEXT_KIT = 'node_modules/.cache/rapor-next-kit';
const EMAIL = 'agus.prasetyo@unc.ac.id';

const versionOf = (dir: string) =>
	(JSON.parse(readFileSync(join(dir, 'client/_app/version.json'), 'utf8')) as { version: string }).version;

function ensureNextBuilt(): string {
	const built = existsSync(`${NEXT_OUT}/index.js`) ? statSync(`${NEXT_OUT}/index.js`).mtimeMs : 0;
	const sources = Math.max(newestMtime('src'), newestMtime('messages'), newestMtime('db'));
	if (built <= sources) {
		const run = spawnSync('npx', ['vite', 'build'], {
			stdio: 'inherit',
			env: {
				...process.env,
				RAPOR_BUILD_VERSION: `next-${Date.now()}`,
				RAPOR_BUILD_OUT: NEXT_OUT,
				RAPOR_KIT_OUT: NEXT_KIT
			}
		});
		if (run.status !== 0) throw new Error('the newer build failed');
	}
	return versionOf(NEXT_OUT);
}

let dir = '';
let port = 0;
let baseURL = '';
let server: { child: ChildProcess; log: () => string } | null = null;
let s: Session;

async function serve(buildDir: string): Promise<void> {
	server = spawnServer(port, {
		DATABASE_PATH: join(dir, 'rapor.db'),
		UPLOAD_DIR: join(dir, 'uploads'),
		BACKUP_DIR: join(dir, 'backups'),
		DEMO_SEED: '1',
		ORIGIN: baseURL,
		RAPOR_BUILD_DIR: buildDir
	});
	await waitForServer(baseURL, server.child, server.log);
}
/** Both servers' own logs, kept in the temp folder as global-setup keeps the shared server's. */
const serverLogs: string[] = [];
async function stopServer(): Promise<void> {
	const child = server?.child;
	if (server) serverLogs.push(server.log());
	server = null;
	if (!child || child.exitCode !== null) return;
	child.kill('SIGTERM');
	await new Promise((r) => child.once('exit', r));
}
const cacheNames = (page: Page) => page.evaluate(() => caches.keys());
/**
 * The caches, and whether the page is controlled by its registration's newest worker (the old and
 * the new build serve the same /service-worker.js, so the script address cannot tell them apart).
 */
async function workerState(): Promise<{ caches: string[]; newestInControl: boolean }> {
	const reg = await navigator.serviceWorker.getRegistration();
	const newestInControl =
		!!reg?.active &&
		!reg.installing &&
		!reg.waiting &&
		reg.active.state === 'activated' &&
		navigator.serviceWorker.controller === reg.active;
	return { caches: await caches.keys(), newestInControl };
}

beforeAll(async () => {
	ensureBuilt();
	ensureNextBuilt();
	dir = mkdtempSync(join(tmpdir(), 'rapor-e2e-update-'));
	port = await freePort();
	baseURL = `http://127.0.0.1:${port}`;
	await serve('build');
	s = await openBrowser({ width: 390, height: 844 }, baseURL);
}, 900_000);
afterAll(async () => {
	await s?.close();
	await stopServer();
	const logFile = join(tmpdir(), 'rapor-e2e-update-server.log');
	writeFileSync(logFile, serverLogs.join('\n--- the newer build ---\n'));
	console.log(`server logs: ${logFile}`);
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a new build deployed while the outbox holds work', () => {
	it('installs the new service worker, drops the old caches and delivers the outbox exactly once', async () => {
		const oldVersion = versionOf('build');
		const newVersion = versionOf(NEXT_OUT);
		expect(newVersion).not.toBe(oldVersion);
		const page = s.page;
		const visitId = await prepare(page, EMAIL);
		expect(await cacheNames(page)).toEqual([`rapor-${oldVersion}`]);

		await s.context.setOffline(true);
		await page.goto(`/penilaian/${visitId}`);
		await page.locator('[data-testid=aspect-index]').waitFor();
		await page.click('label:has(> input[name="score.1.a.K1"][value="3"])');
		await page.click('label:has(> input[name="score.1.a.K2"][value="4"])');
		await takePhoto(page, '1.a.K1', 'papan-informasi.jpg', { width: 800, height: 600 }, '#a73');
		// the scores and the photo (shrunk first, which takes a moment on a slow device) all queued
		await page.waitForFunction(
			() =>
				Number(
					/(\d+) menunggu kirim/.exec(
						document.querySelector('[data-testid=offline-state-line]')?.textContent ?? ''
					)?.[1] ?? 0
				) >= 2
		);
		const queued = Number(/(\d+) menunggu kirim/.exec((await stateLine(page)) ?? '')![1]);
		expect(queued).toBeGreaterThanOrEqual(2);
		expect(storedSheet(visitId, EMAIL, join(dir, 'rapor.db'))).toBeNull();

		// the deployment: the old server stops, the newer build starts on the same port and data
		await stopServer();
		await serve(NEXT_OUT);
		await s.context.setOffline(false);
		await page.reload();
		// Polled from here, not with waitForFunction: an async predicate hands it a Promise, which is
		// truthy, so it returned at once and the checks below ran while the old worker still served.
		// The newer worker is installed once the reloaded page registers it, then takes over.
		await expect
			.poll(() => page.evaluate(workerState), { timeout: 90_000, interval: 500 })
			.toEqual({ caches: [`rapor-${newVersion}`], newestInControl: true });
		// the reloaded page (the new build's, its worker in control) sends what the old one left
		expect(new URL(page.url()).pathname).toBe('/luring');
		await waitForStateLine(page, /semua terkirim$/, 60_000);
		await expect
			.poll(() => storedSheet(visitId, EMAIL, join(dir, 'rapor.db')), { timeout: 60_000 })
			.toMatchObject({ scored: 2, evidence: 1 });
		expect(await page.evaluate(workerState)).toEqual({
			caches: [`rapor-${newVersion}`],
			newestInControl: true
		});
		// nothing arrives twice, even after another visit with signal
		// (the reloaded page prepares again and then syncs: wait for the last file it refreshes;
		// waiting for 'networkidle' instead timed out after 30 s on Chromium 143 in a full run)
		await Promise.all([page.waitForResponse((r) => r.url().endsWith('/luring/__data.json')), page.reload()]);
		await waitForStateLine(page, /semua terkirim$/);
		expect(storedSheet(visitId, EMAIL, join(dir, 'rapor.db'))).toMatchObject({ scored: 2, evidence: 1 });
	}, 600_000);
});
