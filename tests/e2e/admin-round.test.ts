import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, type Session } from './support/browser';

const PASSWORD = 'Demo#Rapor2026';
let s: Session;

beforeAll(async () => {
	s = await openBrowser();
	await signIn(s.page, 'admin@kotacontoh.go.id', PASSWORD);
});
afterAll(() => s.close());

const submit = (scope = 'main') => s.page.click(`${scope} button[type=submit]`);

describe('an admin prepares a round', () => {
	it('creates an assessor account that cannot sign in until given a password', async () => {
		await s.page.goto('/admin/pengguna/baru');
		await s.page.fill('input[name=name]', 'Dr. Uji Coba');
		await s.page.fill('input[name=email]', 'uji.coba@unc.ac.id');
		await s.page.selectOption('select[name=role]', 'assessor');
		await s.page.selectOption('select[name=affiliation_type]', 'university');
		await s.page.fill('input[name=affiliation_name]', 'Universitas Negeri Contoh');
		await Promise.all([s.page.waitForURL('**/admin/pengguna/*?dibuat=1'), submit()]);
		expect(await s.page.textContent('main')).toContain('belum bisa masuk');

		await s.page.fill('input[name=password]', 'password123');
		await s.page.click('form[action="?/password"] button[type=submit]');
		await s.page.waitForSelector('form[action="?/password"] .error');
		expect(await s.page.textContent('form[action="?/password"] .error')).toContain('terlalu umum');
	});

	it('refuses a duplicate email with a clear message', async () => {
		await s.page.goto('/admin/pengguna/baru');
		await s.page.fill('input[name=name]', 'Orang Lain');
		await s.page.fill('input[name=email]', 'dr.ratna@unc.ac.id');
		const [response] = await Promise.all([
			s.page.waitForResponse((r) => r.request().method() === 'POST'),
			submit()
		]);
		expect(response.status()).toBe(409);
		await s.page.waitForSelector('main .error');
		expect(await s.page.textContent('main .error')).toContain('sudah dipakai');
	});

	it('creates a draft period from an instrument', async () => {
		// After hydration: fields filled while the page hydrates can be emptied by it (see signIn).
		await s.page.goto('/admin/periode/baru', { waitUntil: 'networkidle' });
		await s.page.fill('input[name=code]', 'UJI-2027');
		await s.page.selectOption('select[name=instrument]', 'permenpan-17-2017');
		await s.page.fill('input[name=name]', 'Uji Coba 2027');
		await s.page.fill('input[name=starts_on]', '2027-01-04');
		await s.page.fill('input[name=ends_on]', '2027-03-31');
		await Promise.all([s.page.waitForURL('**/admin/periode/UJI-2027?dibuat=1'), submit()]);
		expect(await s.page.textContent('main')).toContain('draf');
	});

	it('refuses a bad unit file with line numbers, then imports a good one after a preview', async () => {
		await s.page.goto('/admin/unit/impor');
		await s.page.setInputFiles('input[name=file]', {
			name: 'unit.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('code;name;category\nKEL-90;Kelurahan Uji;Kelurahan\nKEL-90;Lagi;Kelurahan\n')
		});
		await submit();
		await s.page.waitForSelector('[data-testid=import-problems]');
		expect(await s.page.textContent('[data-testid=import-problems]')).toContain(
			'baris 3: kode KEL-90 sudah ada di baris 2'
		);

		await s.page.setInputFiles('input[name=file]', {
			name: 'unit.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(
				'\uFEFFcode;name;category\nKEL-90;Kelurahan Uji;Kelurahan\nLAB-90;Laboratorium Uji;UPT Baru\n'
			)
		});
		await submit();
		await s.page.waitForSelector('[data-testid=import-preview]');
		expect(await s.page.textContent('[data-testid=import-preview]')).toContain('Kategori baru: UPT Baru');
		await Promise.all([s.page.waitForURL('**/admin/unit?impor=*'), submit('[data-testid=import-preview]')]);
		expect(await s.page.textContent('.alert.success')).toContain('2 unit dibuat');
	});

	it('generates the schedule: preview first, then confirm', async () => {
		await s.page.goto('/admin/periode/UJI-2027/jadwal');
		expect(await s.page.textContent('main')).toContain('Belum ada kunjungan');
		await s.page.click('form[action="?/preview"] button');
		await s.page.waitForSelector('[data-testid=schedule-preview]');
		const preview = await s.page.textContent('[data-testid=schedule-preview]');
		expect(preview).toMatch(/\d+ penugasan baru/);
		expect(preview).toContain('KEL-90');
		await Promise.all([s.page.waitForURL('**/jadwal?dibuat=*'), submit('[data-testid=schedule-preview]')]);
		expect(await s.page.textContent('.alert.success')).toMatch(/Jadwal disimpan: \d+ penugasan baru/);
		const rows = await s.page.locator('main table tbody tr').count();
		expect(rows).toBe(100);
		expect(await s.page.textContent('main')).toMatch(/Kunjungan terjadwal \(14\d\)/);
		const xlsx = await s.page.request.get('/admin/periode/UJI-2027/jadwal.xlsx');
		expect(xlsx.status()).toBe(200);
		expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
	});

	it('answers an unknown period or a non-numeric visit id with 404', async () => {
		expect((await s.page.goto('/admin/periode/TIDAK-ADA/jadwal'))?.status()).toBe(404);
		expect((await s.page.goto('/admin/periode/UJI-2027/jadwal/abc'))?.status()).toBe(404);
		expect((await s.page.goto('/admin/pengguna/abc'))?.status()).toBe(404);
	});
});

describe('an admin follows a round', () => {
	it('shows progress per category and per assessor with a chart and the incomplete units', async () => {
		await s.page.goto('/admin/periode/MPP-2026/progres');
		await s.page.waitForSelector('main canvas');
		const text = await s.page.textContent('main');
		expect(text).toContain('Per kategori');
		expect(text).toContain('Per penilai');
		expect(text).toContain('belum lengkap: kurang');
	});

	it('lists audit entries filtered by entity', async () => {
		await s.page.goto('/admin/audit?entitas=period');
		const text = await s.page.textContent('main table');
		expect(text).toContain('UJI-2027');
		const entities = await s.page.$$eval('main table tbody tr td:nth-child(4)', (cells) =>
			cells.map((c) => c.textContent?.trim().split(' ')[0])
		);
		expect(entities.length).toBeGreaterThan(0);
		// The log names objects in words (README, audit log): "Periode 12", not the code "period".
		expect(new Set(entities)).toEqual(new Set(['Periode']));
	});
});
