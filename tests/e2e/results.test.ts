import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, openBrowser, signIn, type Session } from './support/browser';

let s: Session;
beforeAll(async () => {
	s = await openBrowser();
});
afterAll(() => s.close());

describe('results API and the administrators results page', () => {
	it('serves the published demo period to anonymous callers, and 404 JSON for the running one', async () => {
		const pub = await fetch(`${baseURL()}/api/v1/periods/MPP-2025/results`);
		expect(pub.status).toBe(200);
		const doc = await pub.json();
		expect(doc.period).toEqual({
			code: 'MPP-2025',
			name: 'Monitoring Pelayanan Publik 2025',
			instrument: 'permenpan-17-2017',
			status: 'published'
		});
		expect(doc.categories.map((c: { name: string }) => c.name).sort()).toEqual([
			'Kelurahan',
			'OPD',
			'Puskesmas'
		]);
		const first = doc.categories[0].units[0];
		expect(first).toMatchObject({ rank: 1, complete: true, award: 'Terbaik I' });
		expect(first.ipp_display).toMatch(/^\d,\d\d$/);

		const running = await fetch(`${baseURL()}/api/v1/periods/MPP-2026/results`);
		expect(running.status).toBe(404);
		expect((await running.json()).error).toContain('MPP-2026');
		const unknown = await fetch(`${baseURL()}/api/v1/periods/MPP-2025/results?category=Sekolah`);
		expect(unknown.status).toBe(404);
		const csv = await fetch(`${baseURL()}/api/v1/periods/MPP-2025/results.csv`);
		expect((await csv.text()).split('\r\n')[0]).toBe(
			'category,code,name,ipp,ipp_display,grade,predikat,rank,complete,award,aspect_I,aspect_II,aspect_III,aspect_IV,aspect_V,aspect_VI,visits,assessors'
		);
	});

	it('shows an administrator the ranked table, flags, leniency and the chart', async () => {
		await signIn(s.page, 'admin@kotacontoh.go.id', 'Demo#Rapor2026');
		await s.page.goto('/admin');
		await Promise.all([
			s.page.waitForURL('**/admin/periode/MPP-2025/hasil'),
			s.page.click('a[href="/admin/periode/MPP-2025/hasil"]')
		]);
		expect(await s.page.textContent('h1')).toContain('Monitoring Pelayanan Publik 2025');
		expect(await s.page.textContent('main')).toContain('Terbaik I');
		expect(await s.page.textContent('main')).toContain('Selisih penilaian');
		expect(await s.page.textContent('main')).toContain('Kecenderungan penilai');
		await s.page.waitForSelector('canvas');
		// The running period is visible to administrators through the API too.
		const res = await s.page.request.get('/api/v1/periods/MPP-2026/results');
		expect(res.status()).toBe(200);
		expect((await res.json()).period.status).toBe('running');
	});
});
