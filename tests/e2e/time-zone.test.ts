import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './support/global-setup';
import { openBrowser, signIn, type Session } from './support/browser';
import { DEMO, DEMO_PASSWORD } from './support/http';
import { formatDateTime } from '../../src/lib/domain/format';

// TZ is the office's time zone (README, "Configuration"): a regency in Papua sees its own clock
// on every page that shows an instant, whether the server renders the page or the browser does.
const ZONE = 'Asia/Jayapura';

let app: App;
let desk: Session;
beforeAll(async () => {
	app = await startApp(true, 'rapor-e2e-time-zone.log', { TZ: ZONE });
	desk = await openBrowser({ width: 1280, height: 900 }, app.baseURL);
	await signIn(desk.page, DEMO.admin, DEMO_PASSWORD);
}, 120_000);
afterAll(async () => {
	await desk?.close();
	await app?.stop();
});

function instants(sql: string): Date[] {
	const db = new Database(app.databasePath, { readonly: true });
	try {
		return db
			.prepare(sql)
			.pluck()
			.all()
			.map((ms) => new Date(ms as number));
	} finally {
		db.close();
	}
}

describe('the office time zone (TZ=Asia/Jayapura)', () => {
	it('dates the audit log in the office zone, rendered in the browser after a link is followed', async () => {
		const page = desk.page;
		await page.goto('/admin', { waitUntil: 'networkidle' });
		await Promise.all([page.waitForURL('**/admin/audit'), page.click('a[href="/admin/audit"]')]);
		const [signedIn] = instants(`select at from audit_log where action = 'sign_in' order by id desc limit 1`);
		const text = (await page.textContent('main'))!;
		expect(text).toContain(formatDateTime(signedIn, 'id', ZONE));
		expect(text).not.toContain(formatDateTime(signedIn, 'id', 'Asia/Jakarta'));
	});

	it('dates the publication history in the office zone, rendered by the server', async () => {
		const page = desk.page;
		await page.goto('/admin/periode/MPP-2025/publikasi');
		const published = instants(
			`select published_at from publication where period_id = (select id from period where code = 'MPP-2025')`
		);
		expect(published.length).toBeGreaterThan(0);
		const text = (await page.textContent('main'))!;
		for (const at of published) expect(text).toContain(formatDateTime(at, 'id', ZONE));
	});
});
