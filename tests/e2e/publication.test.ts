import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { runAdmin as admin, scoredIndicatorCodes, writeScoresCsv } from './support/cli';
import { openBrowser, signIn, type Session } from './support/browser';

// A round from imported scores to the public ranking and an award certificate (docs/rules.md §4.8, §8.1).
const PASSWORD = 'Demo#Rapor2026';
const PERIOD = 'E2E-PUB';
const REVISED = 'E2E-REV';
const PAST_WINDOW = ['--from', '2026-01-05', '--to', '2026-03-31'];
let s: Session;

/** Two visits by two assessors for three Puskesmas; PKM-02's first indicator differs by 3. */
function scoresCsv(): string {
	const codes = scoredIndicatorCodes();
	const rows: string[] = [];
	const plan = [
		['PKM-01', 4],
		['PKM-02', 3],
		['PKM-03', 2]
	] as const;
	for (const [unit, score] of plan)
		for (const [visit, email] of [
			[1, 'dr.ratna@unc.ac.id'],
			[2, 'agus.prasetyo@unc.ac.id']
		] as const)
			codes.forEach((code, i) => {
				const value = unit === 'PKM-02' && i === 0 ? (visit === 1 ? 1 : 4) : score;
				rows.push(`${unit},${visit},${email},${code},${value},`);
			});
	return writeScoresCsv(rows);
}

beforeAll(async () => {
	s = await openBrowser();
	admin(
		'create-period',
		'--code',
		PERIOD,
		'--name',
		'Penilaian Uji Publikasi',
		'--instrument',
		'permenpan-17-2017',
		// a past window, so that today's survey answers stay with the demo's running period
		...PAST_WINDOW
	);
	admin('import-scores', '--period', PERIOD, scoresCsv());
	admin(
		'create-period',
		'--code',
		REVISED,
		'--name',
		'Penilaian Uji Revisi',
		'--instrument',
		'permenpan-17-2017',
		...PAST_WINDOW
	);
	admin('import-scores', '--period', REVISED, scoresCsv());
	// Four command-line runs through tsx: minutes on a busy shared machine.
}, 600_000);
afterAll(() => s.close());

async function confirmEveryClass(): Promise<void> {
	for (const box of await s.page.locator('input[name=confirm_class]').all()) await box.check();
}

describe('review, publication and public results', () => {
	it('keeps unpublished results from signed-out visitors', async () => {
		await s.context.clearCookies();
		const response = await s.page.goto(`/hasil/${PERIOD}`);
		expect(response?.status()).toBe(404);
	});

	it('lets an administrator resolve a flag and publish with a confirmation step', async () => {
		await signIn(s.page, 'admin@kotacontoh.go.id', PASSWORD);
		const resolve = (form: Record<string, string>) =>
			s.context.request.post(`/admin/periode/${PERIOD}/review?/resolve`, {
				form,
				headers: { origin: inject('baseURL'), accept: 'text/html' },
				maxRedirects: 0
			});
		const flag = { unit: 'PKM-02', action: 'note' };
		expect((await resolve({ ...flag, indicator: '1.a.K1', note: ' ' })).status()).toBe(400);
		expect((await resolve({ ...flag, indicator: '6', note: 'x' })).status()).toBe(404);
		expect((await resolve({ ...flag, indicator: '1.a.K1', action: 'hapus', note: 'x' })).status()).toBe(400);
		await s.page.goto(`/admin/periode/${PERIOD}/review`);
		const flags = s.page.locator('[data-testid=flag]');
		expect(await flags.count()).toBe(1);
		expect(await flags.first().textContent()).toContain('PKM-02');
		await flags.first().locator('textarea[name=note]').fill('Penilai sepakat setelah melihat foto bukti.');
		await Promise.all([s.page.waitForURL(/selesai=/), flags.first().locator('button[type=submit]').click()]);
		expect(await s.page.textContent('[role=status]')).toContain('diselesaikan');
		await s.page.goto(`/admin/periode/${PERIOD}/review?tampil=resolved`);
		expect(await s.page.textContent('main')).toContain('Penilai sepakat setelah melihat foto bukti.');

		// docs/rules.md §8.1: the preflight lists what is still provisional; the flag is resolved now.
		await s.page.goto(`/admin/periode/${PERIOD}/publikasi`);
		expect(await s.page.locator('[data-preflight=flags]').count()).toBe(0);
		expect(await s.page.textContent('[data-preflight=incomplete]')).toContain('KEL-01');
		expect(await s.page.textContent('[data-preflight=no-awards]')).toContain('Kelurahan');
		await Promise.all([s.page.waitForURL(/konfirmasi=terbit/), s.page.click('text=Terbitkan hasil…')]);
		await s.page.screenshot({ path: '/tmp/yearpub-preflight.png', fullPage: true });
		// Every class needs its own confirmation: the browser refuses the form without them.
		await s.page.fill('textarea[name=reason]', 'Unit lain dinilai tahun depan.');
		await s.page.click('main button[type=submit]');
		expect(s.page.url()).toContain('konfirmasi=terbit');
		await confirmEveryClass();
		await Promise.all([s.page.waitForURL(/terbit=1/), s.page.click('main button[type=submit]')]);
		expect(await s.page.textContent('[role=status]')).toContain('revisi 1');
		const history = await s.page.textContent('main');
		expect(history).toContain('Riwayat publikasi');
		expect(history).toContain('Unit lain dinilai tahun depan.');
		expect(history).toContain('dikonfirmasi: unit belum lengkap');
		expect(history).toContain('dikonfirmasi: kategori tanpa penghargaan');
	});

	it('shows the ranking to a signed-out visitor, who downloads the winner’s certificate', async () => {
		await s.context.clearCookies();
		await s.page.goto('/');
		await Promise.all([
			s.page.waitForURL(`**/hasil/${PERIOD}`),
			s.page.click(`a[href="/hasil/${PERIOD}"] >> nth=0`)
		]);
		await s.page.goto(`/hasil/${PERIOD}?kategori=Puskesmas`);
		const rows = s.page.locator('[data-testid=rank-row]');
		expect(await rows.count()).toBe(3);
		const first = await rows.first().textContent();
		expect(first).toContain('Terbaik I');
		expect(await s.page.locator('canvas').count()).toBe(1);
		const name = (await rows.first().locator('.name').textContent())!.trim();
		const href = await rows.first().locator('a.cert').getAttribute('href');
		expect(href).toBe(`/hasil/${PERIOD}/piagam/PKM-01.pdf`);
		const response = await s.context.request.get(href!);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('application/pdf');
		const pdf = await getDocumentProxy(new Uint8Array(await response.body()));
		const { text } = await extractText(pdf, { mergePages: true });
		expect(text).toContain(name);
		expect(text).toContain('Terbaik I');
		expect(text).toContain('Kategori Puskesmas');
		const loser = await s.context.request.get(`/hasil/${PERIOD}/piagam/PKM-03.pdf`);
		expect(loser.status()).toBe(404);
		// docs/rules.md §8.2: no ranked Kelurahan, so no award there, and the page says why.
		await s.page.goto(`/hasil/${PERIOD}?kategori=Kelurahan`);
		expect(await s.page.textContent('[data-testid=awards-withheld]')).toContain(
			'Belum ada unit yang diperingkat'
		);
		// The same reason in English: the page reads the numbers of the stored sentence.
		const english = await (
			await s.context.request.get(`/hasil/${PERIOD}?kategori=Kelurahan`, {
				headers: { cookie: 'PARAGLIDE_LOCALE=en' }
			})
		).text();
		expect(english).toContain('No awards in this category.');
		expect(english).toMatch(/No unit is ranked yet; awards are given when at least \d+ units are ranked\./);
		await s.page.screenshot({ path: '/tmp/yearpub-public.png', fullPage: true });
	});
});

describe('publishing with open flags, and revisions', () => {
	const action = () => `/admin/periode/${REVISED}/publikasi?/publish`;
	const post = (form: Record<string, string>, classes: string[] = []) =>
		s.context.request.post(action(), {
			// URL-encoded by hand: one `confirm_class` field per confirmed class.
			data: new URLSearchParams([
				...Object.entries(form),
				...classes.map((c) => ['confirm_class', c])
			]).toString(),
			// Like a browser's form post: with Accept */* SvelteKit answers actions as JSON with status 200.
			headers: {
				origin: inject('baseURL'),
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			maxRedirects: 0
		});
	const every = ['incomplete', 'flags', 'no-awards'];

	it('refuses to publish with an open flag unless confirmed with a reason', async () => {
		await s.context.clearCookies();
		await signIn(s.page, 'admin@kotacontoh.go.id', PASSWORD);
		expect((await post({ confirm: 'ya', revision: '0', reason: '' })).status()).toBe(409);
		// The open flag confirmed the old way, but other classes not: still refused.
		expect(
			(await post({ confirm: 'ya', revision: '0', confirm_open_flags: 'ya', reason: 'x' })).status()
		).toBe(409);
		expect((await post({ confirm: 'ya', revision: '0', reason: ' ' }, every)).status()).toBe(400);
		expect((await post({ confirm: 'ya', revision: '0', reason: 'x' }, ['semua'])).status()).toBe(400);
		expect((await post({ revision: '0' })).status()).toBe(400);
		const still = await s.context.request.get(`/api/v1/periods/${REVISED}/results`);
		expect((await still.json()).period.status).toBe('running');

		await s.page.goto(`/admin/periode/${REVISED}/publikasi?konfirmasi=terbit`);
		expect(await s.page.textContent('[data-preflight=flags]')).toContain('PKM-02');
		// A client that skips the browser's checks, one class ticked: refused, and what was ticked
		// and written is still there, whether the form itself did not pass (a reason too long) or
		// the publication was refused (a class left unconfirmed).
		const tooLong = 'x'.repeat(2001);
		for (const [reason, problem] of [
			[tooLong, '2000'],
			['Dibahas sebagian.', 'incomplete']
		]) {
			await s.page.locator('input[name=confirm_class][value=flags]').check();
			await s.page.$$eval(
				'form[action="?/publish"] [required], form[action="?/publish"] [maxlength]',
				(fields) => fields.forEach((f) => ['required', 'maxlength'].forEach((a) => f.removeAttribute(a)))
			);
			await s.page.fill('textarea[name=reason]', reason);
			await Promise.all([s.page.waitForURL(/\?\/publish/), s.page.click('main button[type=submit]')]);
			expect(await s.page.textContent('section.confirm')).toContain(problem);
			expect(await s.page.isChecked('input[name=confirm_class][value=flags]')).toBe(true);
			expect(await s.page.isChecked('input[name=confirm_class][value=incomplete]')).toBe(false);
			expect(await s.page.inputValue('textarea[name=reason]')).toBe(reason);
		}
		await confirmEveryClass();
		await s.page.fill('textarea[name=reason]', 'Selisih dibahas dalam rapat kalibrasi.');
		await Promise.all([s.page.waitForURL(/terbit=1/), s.page.click('main button[type=submit]')]);
		expect(await s.page.textContent('main')).toContain('Selisih dibahas dalam rapat kalibrasi.');
	});

	it('publishes a revision with a reason, and the public page says it was revised', async () => {
		await s.page.goto(`/admin/periode/${REVISED}/publikasi`);
		await Promise.all([s.page.waitForURL(/konfirmasi=revisi/), s.page.click('text=Terbitkan revisi…')]);
		// The flag is still open: a revision needs the same explicit confirmation.
		await confirmEveryClass();
		await s.page.fill('textarea[name=reason]', 'Koreksi nama unit pada lampiran.');
		await Promise.all([s.page.waitForURL(/terbit=2/), s.page.click('main button[type=submit]')]);
		const history = await s.page.textContent('main');
		expect(history).toContain('Koreksi nama unit pada lampiran.');
		expect(history).toContain('Selisih dibahas dalam rapat kalibrasi.');

		await s.context.clearCookies();
		await s.page.goto(`/hasil/${REVISED}`);
		const note = await s.page.textContent('[data-testid=revision-note]');
		expect(note).toContain('telah direvisi');
		expect(note).toContain('revisi ke-2');
		expect(note).toContain('Koreksi nama unit pada lampiran.');
	});
});
