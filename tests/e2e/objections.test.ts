import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { extractText, getDocumentProxy } from 'unpdf';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, type Session } from './support/browser';
import { runAdmin, scoredIndicatorCodes, writeScoresCsv } from './support/cli';
import { DEMO, DEMO_PASSWORD, dbRead, http, httpSignIn } from './support/http';

// docs/rules.md §9.2 end to end: the office opens the window, a unit head objects on a phone with
// a photo, the office answers each objection (extra visit, reopened sheet, rejection), the
// assessor re-scores, the preflight class `objections` clears, and after publication the head
// reads the outcomes on the report card (web and PDF). Its own period, head and assessors, so
// that the demo data other tests read stays as it was.
const PERIOD = 'E2E-SGH';
const UNIT = 'KEL-05';
const HEAD = 'lurah.sanggah@e2e.test';
const ASSESSOR = {
	1: 'penilai.sanggah@e2e.test',
	2: 'penilai.sanggah2@e2e.test',
	3: 'penilai.sanggah3@e2e.test'
} as const;
const SHOTS = mkdtempSync(join(tmpdir(), 'rapor-sanggah-shots-'));
const codes = scoredIndicatorCodes();
const [K_VISIT, K_REOPEN, K_REJECT] = codes;
let s: Session;

const scores = (units: string[], visit: 1 | 2 | 3, email: string, level = (_code: string) => 3) =>
	units.flatMap((unit) => codes.map((code) => `${unit},${visit},${email},${code},${level(code)},`));

/** The publish command's refusal (its stderr), or '' when the period was published. */
function publish(...confirm: string[]): string {
	try {
		runAdmin(
			'publish',
			'--period',
			PERIOD,
			...(confirm.length ? ['--confirm', confirm.join(','), '--reason', 'Rapat pleno'] : [])
		);
		return '';
	} catch (e) {
		return (e as Error).message;
	}
}

/** Full-page screenshots, and of one part of the page when given, at each width. */
async function shot(name: string, widths: number[] = [390, 1280], part?: Locator): Promise<void> {
	for (const width of widths) {
		await s.page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
		await s.page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
		if (part) await part.screenshot({ path: join(SHOTS, `${name}-part-${width}.png`) });
	}
}

/** The same page again in English (the language cookie the switcher sets). */
async function english(): Promise<void> {
	await s.context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: new URL(s.page.url()).origin }]);
	await s.page.reload();
}

async function pdfText(bytes: Buffer): Promise<string> {
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
	return text.replace(/\s+/g, ' ');
}

beforeAll(async () => {
	s = await openBrowser({ width: 390, height: 844 });
	s.page.on('dialog', (d) => d.accept());
	runAdmin(
		...['create-period', '--code', PERIOD, '--name', 'Penilaian Uji Sanggah', '--assessors', '1'],
		...['--instrument', 'permenpan-17-2017', '--from', '2026-01-05', '--to', '2026-03-31']
	);
	for (const [email, role, extra] of [
		[HEAD, 'unit_head', ['--units', UNIT]],
		[ASSESSOR[1], 'assessor', []],
		[ASSESSOR[3], 'assessor', []]
	] as const)
		runAdmin(
			...['create-user', '--email', email, '--name', email.split('@')[0], '--role', role],
			...['--password', DEMO_PASSWORD, ...extra]
		);
	const units = ['KEL-04', UNIT, 'KEL-06', 'KEL-07'];
	runAdmin(
		'import-scores',
		'--period',
		PERIOD,
		writeScoresCsv([...scores(units, 1, ASSESSOR[1]), ...scores(units, 2, ASSESSOR[2])])
	);
	console.log(`objection screenshots: ${SHOTS}`);
}, 600_000);
afterAll(() => s.close());

/**
 * Submits a form and waits for the page its POST leads to. The answer keeps the address the page
 * already has after the first submit (`?terkirim`, `?selesai=`), so waiting for the address alone
 * returned at once, and the next step read the old page or one still loading (the list of
 * objections then counted 0).
 */
async function submitAndLoad(button: Locator, address: RegExp): Promise<void> {
	await Promise.all([
		s.page.waitForEvent('framenavigated', { predicate: (frame) => frame === s.page.mainFrame() }),
		button.click()
	]);
	await s.page.waitForURL(address);
}

describe('the objection window, end to end', () => {
	it('is opened by the office', async () => {
		await s.page.setViewportSize({ width: 1280, height: 900 });
		await signIn(s.page, DEMO.admin, DEMO_PASSWORD);
		await s.page.goto(`/admin/periode/${PERIOD}/sanggah`);
		const until = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
		await s.page.fill('input[name=until]', until);
		await Promise.all([s.page.waitForURL(/selesai=window/), s.page.click('form[action="?/window"] button')]);
		expect(await s.page.textContent('[data-testid=objection-window]')).toContain('dibuka sampai');
	});

	it('lets the head object on a phone, with a photo as evidence', async () => {
		await s.context.clearCookies();
		await s.page.setViewportSize({ width: 390, height: 844 });
		await signIn(s.page, HEAD, DEMO_PASSWORD);
		await s.page.goto('/unit');
		await Promise.all([
			s.page.waitForURL(new RegExp(`/unit/${UNIT}/sanggah/${PERIOD}$`)),
			s.page.click('[data-testid=objection-notice] a')
		]);
		// Provisional means only: no rank of any kind (docs/rules.md §9.2).
		expect(await s.page.textContent('main')).not.toMatch(/peringkat \d|ke-\d+ dari/i);
		const photo = await sharp({
			create: { width: 1200, height: 900, channels: 3, background: { r: 30, g: 120, b: 90 } }
		})
			.jpeg()
			.toBuffer();
		for (const code of [K_VISIT, K_REOPEN, K_REJECT]) {
			const item = s.page.locator(`li[data-indicator="${code}"]`);
			await item.locator('summary').click();
			await item.locator('select[name=level]').selectOption('4');
			await item
				.locator('textarea[name=reason]')
				.fill(`Indikator ${code} sudah terpenuhi sejak Juli; lihat foto.`);
			if (code === K_VISIT)
				await item.locator('input[name=file]').setInputFiles({
					name: 'papan-standar.jpg',
					mimeType: 'image/jpeg',
					buffer: photo
				});
			if (code === K_VISIT) await shot('head-form', [390]);
			await submitAndLoad(item.locator('button[type=submit]'), /terkirim/);
		}
		const mine = s.page.locator('[data-testid=objections] li');
		expect(await mine.count()).toBe(3);
		expect(await s.page.textContent('[data-testid=objections]')).toContain('papan-standar.jpg');
		await shot('head-objections');
		await english();
		expect(await s.page.textContent('h1')).toContain('Provisional scores of');
		expect(await s.page.textContent('[data-testid=objection-window]')).toMatch(
			/open until \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/
		);
		await shot('head-objections-en');
		// The service's refusal is worded in the reader's language (README "Where translation
		// happens"): a file that is not a photo or PDF, told in English, and nothing is filed.
		// The page still carries the last objection's "sent" notice; a refusal replaces it.
		expect(await s.page.locator('.alert.success').count()).toBe(1);
		const other = s.page.locator('li[data-indicator]:has(details)').first();
		await other.locator('summary').click();
		await other.locator('select[name=level]').selectOption('3');
		await other.locator('textarea[name=reason]').fill('See the attached file.');
		await other.locator('input[name=file]').setInputFiles({
			name: 'catatan.jpg',
			mimeType: 'image/jpeg',
			buffer: Buffer.from('not a picture at all')
		});
		await Promise.all([s.page.waitForLoadState('load'), other.locator('button[type=submit]').click()]);
		expect(await s.page.textContent('.alert.error')).toBe(
			'File "catatan.jpg" is not a JPEG, PNG, WebP or PDF (the type is checked from the file\'s content, not its name).'
		);
		expect(await s.page.locator('[data-testid=objections] li').count()).toBe(3);
		expect(await s.page.locator('.alert.success').count()).toBe(0);
		await shot('head-refused-en', [390]);
	});

	it('holds publication back while objections are unanswered', () => {
		expect(publish()).toMatch(/\(objections, 3\)/);
	});

	it('lets the office read the evidence and answer each objection', async () => {
		await s.context.clearCookies();
		await s.page.setViewportSize({ width: 1280, height: 900 });
		await signIn(s.page, DEMO.admin, DEMO_PASSWORD);
		await s.page.goto(`/admin/periode/${PERIOD}/sanggah`, { waitUntil: 'networkidle' });
		const href = (await s.page.getAttribute(
			`li[data-objection="${K_VISIT}"] a[href^="/sanggah/bukti/"]`,
			'href'
		))!;
		const file = await s.page.request.get(href);
		expect(file.status()).toBe(200);
		expect(file.headers()).toMatchObject({
			'content-type': 'image/jpeg',
			'content-disposition': 'inline; filename="papan-standar.jpg"',
			'x-content-type-options': 'nosniff',
			'content-security-policy': expect.stringContaining('sandbox')
		});
		await shot('office-open', [390, 1280], s.page.locator('[data-testid=objections]'));

		const answer = async (code: string, decision: string, text: string) => {
			const item = s.page.locator(`li[data-objection="${code}"]`);
			await item.locator(`input[name=decision][value=${decision}]`).check();
			if (decision === 'reopen') await item.locator('select[name=sheet]').selectOption({ index: 0 });
			await item.locator('textarea[name=answer]').fill(text);
			await submitAndLoad(item.locator('button[type=submit]'), /selesai=/);
			// The next form's choice is a bound radio group: let the page hydrate before using it.
			await s.page.waitForLoadState('networkidle');
			return (await s.page.textContent('[role=status]'))!;
		};
		// The extra visit is the unit's third; the office is sent to assign its assessor.
		expect(await answer(K_VISIT, 'extra_visit', 'Diterima: kunjungan tambahan dijadwalkan.')).toContain(
			'kunjungan tambahan 3 dibuat'
		);
		await answer(K_REOPEN, 'reopen', 'Diterima: penilai kunjungan 1 menilai ulang.');
		await answer(K_REJECT, 'reject', 'Foto tidak menunjukkan standar pelayanan yang dipajang.');
		const statuses = await s.page.locator('[data-testid=objection-status]').allTextContents();
		expect(statuses).toEqual(['diterima', 'diterima', 'ditolak']);
		expect(await s.page.locator('form[action="?/answer"]').count()).toBe(0);
		await shot('office-answered');
		await english();
		expect(await s.page.locator('[data-testid=objection-status]').allTextContents()).toEqual([
			'accepted',
			'accepted',
			'rejected'
		]);
		await shot('office-answered-en');

		// Nobody else opens the file: another unit's head, an assessor, a viewer before publication.
		for (const email of [DEMO.otherHead, DEMO.head, ASSESSOR[1], DEMO.viewer])
			expect((await http(href, { cookie: await httpSignIn(email) })).status, email).toBe(404);
		expect((await http(href)).status).toBe(303);
	});

	it('takes the re-scoring of the reopened sheet and the extra visit, then publishes', async () => {
		const [visit] = dbRead<{ id: number }>(
			`select v.id from visit v join period p on p.id = v.period_id join unit u on u.id = v.unit_id
			 where p.code = ? and u.code = ? and v.visit_no = 1`,
			PERIOD,
			UNIT
		);
		await s.context.clearCookies();
		await s.page.setViewportSize({ width: 390, height: 844 });
		await signIn(s.page, ASSESSOR[1], DEMO_PASSWORD);
		await s.page.goto(`/penilaian/${visit.id}`, { waitUntil: 'networkidle' });
		await s.page.click(`label:has(> input[name="score.${K_REOPEN}"][value="4"])`);
		await Promise.all([
			s.page.waitForURL((u) => u.searchParams.has('terkirim')),
			s.page.click('main button[data-testid=submit-sheet]')
		]);
		const [rescored] = dbRead<{ score: number; status: string }>(
			`select sc.score, s.status from score sc join score_sheet s on s.id = sc.sheet_id
			 join indicator i on i.id = sc.indicator_id where s.visit_id = ? and i.code = ?`,
			visit.id,
			K_REOPEN
		);
		expect(rescored).toEqual({ score: 4, status: 'submitted' });

		// The extra visit is the unit's third: the office assigns a third assessor (every visit of a
		// unit is by a different one), who scores it on the phone.
		runAdmin('assign', '--period', PERIOD, '--unit', UNIT, '--visit', '3', '--assessor', ASSESSOR[3]);
		const [extra] = dbRead<{ id: number }>(
			`select v.id from visit v join period p on p.id = v.period_id join unit u on u.id = v.unit_id
			 where p.code = ? and u.code = ? and v.visit_no = 3`,
			PERIOD,
			UNIT
		);
		await s.context.clearCookies();
		await signIn(s.page, ASSESSOR[3], DEMO_PASSWORD);
		await s.page.goto(`/penilaian/${extra.id}`, { waitUntil: 'networkidle' });
		const sheetCodes = await s.page.$$eval('input[type=radio][value="3"]', (els) =>
			els.map((e) => (e as HTMLInputElement).name.slice('score.'.length))
		);
		expect(sheetCodes).toContain(K_VISIT);
		for (const code of sheetCodes)
			await s.page.click(`label:has(> input[name="score.${code}"][value="${code === K_VISIT ? 4 : 3}"])`);
		await s.page.waitForFunction(() =>
			document.querySelector('[data-testid=save-state]')?.textContent?.startsWith('Tersimpan')
		);
		await Promise.all([
			s.page.waitForURL((u) => u.searchParams.has('terkirim')),
			s.page.click('main button[data-testid=submit-sheet]')
		]);
		const [extraScore] = dbRead<{ score: number; status: string }>(
			`select sc.score, s.status from score sc join score_sheet s on s.id = sc.sheet_id
			 join indicator i on i.id = sc.indicator_id where s.visit_id = ? and i.code = ?`,
			extra.id,
			K_VISIT
		);
		expect(extraScore).toEqual({ score: 4, status: 'submitted' });
		const refused = publish();
		expect(refused).not.toMatch(/\(objections,/);
		const confirm = /--confirm (\S+)/.exec(refused)?.[1].split(',') ?? [];
		expect(confirm).not.toContain('objections');
		if (refused) expect(publish(...confirm)).toBe('');
		const [period] = dbRead<{ status: string }>(`select status from period where code = ?`, PERIOD);
		expect(period.status).toBe('published');
	}, 300_000);

	it('shows the head the outcomes on the report card and its PDF, in both languages', async () => {
		await s.context.clearCookies();
		await signIn(s.page, HEAD, DEMO_PASSWORD);
		await s.page.goto(`/unit/${UNIT}/rapor/${PERIOD}`);
		const section = s.page.locator('[data-testid=rapor-objections]');
		const text = (await section.textContent())!.replace(/\s+/g, ' ');
		expect(text).toContain('Sanggahan dan hasilnya');
		expect(await section.locator('[data-testid=objection-status]').allTextContents()).toEqual([
			'diterima',
			'diterima',
			'ditolak'
		]);
		expect(text).toContain('(kunjungan tambahan)');
		expect(text).toContain('(lembar dibuka kembali untuk dinilai ulang)');
		expect(text).toContain('Foto tidak menunjukkan standar pelayanan yang dipajang.');
		const href = (await section.locator('a[href^="/sanggah/bukti/"]').getAttribute('href'))!;
		expect((await s.page.request.get(href)).status()).toBe(200);
		await shot('rapor-id', [390, 1280], section);

		const pdf = await s.page.request.get(`/unit/${UNIT}/rapor/${PERIOD}.pdf`);
		expect(pdf.status()).toBe(200);
		const printed = await pdfText(await pdf.body());
		for (const part of [
			'Tiga sinyal: penilai, warga, pengaduan',
			'Sanggahan dan hasilnya',
			`Indikator ${K_REJECT} sudah terpenuhi sejak Juli; lihat foto.`,
			'Bukti: papan-standar.jpg',
			'Jawaban kantor: Foto tidak menunjukkan standar pelayanan yang dipajang.'
		])
			expect(printed).toContain(part);

		await english();
		const en = (await section.textContent())!.replace(/\s+/g, ' ');
		expect(en).toContain('Objections and their outcomes');
		expect(en).toContain('(extra visit)');
		await shot('rapor-en', [390, 1280], section);
		const enPdf = await pdfText(await (await s.page.request.get(`/unit/${UNIT}/rapor/${PERIOD}.pdf`)).body());
		expect(enPdf).toContain('Objections and their outcomes');
		expect(enPdf).toContain("Office's answer: Foto tidak menunjukkan standar pelayanan yang dipajang.");

		// Once published, the viewer reads the file too; another unit's head still does not.
		expect((await http(href, { cookie: await httpSignIn(DEMO.viewer) })).status).toBe(200);
		expect((await http(href, { cookie: await httpSignIn(DEMO.otherHead) })).status).toBe(404);
	}, 120_000);
});
