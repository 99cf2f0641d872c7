import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openBrowser, signIn, type Session } from './support/browser';
import { runAdmin, scoredIndicatorCodes, writeScoresCsv } from './support/cli';

// docs/rules.md §8.3 through the browser and the command line: a published period whose unit
// missed its second visit is corrected, and revision 2 says what changed.
const PASSWORD = 'Demo#Rapor2026';
const PERIOD = 'E2E-KOR';
let s: Session;

const admin = runAdmin;
const EMAIL = { 1: 'dr.ratna@unc.ac.id', 2: 'agus.prasetyo@unc.ac.id' } as const;

/** Every scored indicator at one level, per (unit, level, visit). */
function scoresCsv(visits: readonly (readonly [string, number, 1 | 2])[]): string {
	const codes = scoredIndicatorCodes();
	return writeScoresCsv(
		visits.flatMap(([unit, score, visit]) =>
			codes.map((code) => `${unit},${visit},${EMAIL[visit]},${code},${score},`)
		)
	);
}

beforeAll(async () => {
	s = await openBrowser();
	admin(
		'create-period',
		'--code',
		PERIOD,
		'--name',
		'Penilaian Uji Koreksi',
		'--instrument',
		'permenpan-17-2017',
		'--from',
		'2026-01-05',
		'--to',
		'2026-03-31'
	);
	admin(
		'import-scores',
		'--period',
		PERIOD,
		scoresCsv([
			['PKM-01', 3, 1],
			['PKM-01', 3, 2],
			['PKM-02', 2, 1],
			['PKM-02', 2, 2],
			['PKM-03', 4, 1]
		])
	);
	admin('publish', '--period', PERIOD, '--confirm', 'incomplete,no-awards', '--reason', 'Rapat pleno');
}, 600_000);
afterAll(() => s.close());

describe('a correction after publication', () => {
	it('is opened on the publication page, takes the missing visit, and is published as revision 2', async () => {
		await signIn(s.page, 'admin@kotacontoh.go.id', PASSWORD);
		await s.page.goto(`/admin/periode/${PERIOD}/publikasi`);
		const panel = s.page.locator('[data-testid=correction-panel]');
		expect(await panel.textContent()).toContain('Koreksi setelah terbit');
		// The browser insists on a reason; the server refuses a short one with a 400 and opens nothing.
		const short = await s.context.request.post(`/admin/periode/${PERIOD}/publikasi?/openCorrection`, {
			form: { reason: 'x' },
			headers: { origin: inject('baseURL'), accept: 'text/html' },
			maxRedirects: 0
		});
		expect(short.status()).toBe(400);
		await panel.locator('textarea[name=reason]').fill('Kunjungan kedua PKM-03 tertinggal');
		await Promise.all([s.page.waitForURL(/koreksi=dibuka/), panel.locator('button[type=submit]').click()]);
		expect(await s.page.textContent('[role=status]')).toContain('Koreksi dibuka');

		// The missing visit arrives through the import; the public page keeps revision 1.
		admin('import-scores', '--period', PERIOD, scoresCsv([['PKM-03', 4, 2]]));
		await s.page.goto(`/admin/periode/${PERIOD}/publikasi`);
		const pending = await s.page.textContent('[data-testid=pending-changes]');
		expect(pending).toContain('lengkap belum → ya');
		await s.page.screenshot({ path: '/tmp/yearpub-correction-1280.png', fullPage: true });
		await s.page.setViewportSize({ width: 390, height: 844 });
		await s.page.screenshot({ path: '/tmp/yearpub-correction-390.png', fullPage: true });
		await s.page.setViewportSize({ width: 1280, height: 900 });
		const api = await (await s.context.request.get(`/api/v1/periods/${PERIOD}/results`)).json();
		const pkm03 = api.categories
			.flatMap((c: { units: { code: string }[] }) => c.units)
			.find((u: { code: string }) => u.code === 'PKM-03');
		expect(pkm03.complete).toBe(false);

		await Promise.all([s.page.waitForURL(/konfirmasi=revisi/), s.page.click('text=Terbitkan revisi…')]);
		for (const box of await s.page.locator('input[name=confirm_class]').all()) await box.check();
		await s.page.fill('form[action="?/publish"] textarea[name=reason]', 'Koreksi: kunjungan kedua PKM-03');
		await Promise.all([
			s.page.waitForURL(/terbit=2/),
			s.page.click('form[action="?/publish"] button[type=submit]')
		]);
		const main = await s.page.textContent('main');
		expect(main).toContain('Koreksi: kunjungan kedua PKM-03');
		expect(main).toContain('diterbitkan sebagai revisi');
		expect(await s.page.locator('[data-testid=correction-panel] textarea[name=reason]').count()).toBe(1);
	}, 600_000);

	it('shows the revision, its reason and its changes to a signed-out visitor and on the report card', async () => {
		await s.page.goto(`/unit/PKM-03/rapor/${PERIOD}`);
		expect(await s.page.textContent('[data-testid=rapor-revision]')).toContain(
			'Koreksi: kunjungan kedua PKM-03'
		);
		await s.context.clearCookies();
		await s.page.goto(`/hasil/${PERIOD}`);
		expect(await s.page.textContent('[data-testid=revision-note]')).toContain(
			'Koreksi: kunjungan kedua PKM-03'
		);
		const changes = s.page.locator('[data-testid=revision-changes]');
		await changes.locator('summary').click();
		const text = (await changes.textContent())!.replace(/\s+/g, ' ');
		expect(text).toContain('lengkap belum → ya');
		await s.page.screenshot({ path: '/tmp/yearpub-public-revision-1280.png', fullPage: true });
		await s.page.setViewportSize({ width: 390, height: 844 });
		await s.page.screenshot({ path: '/tmp/yearpub-public-revision-390.png', fullPage: true });
	}, 120_000);
});
