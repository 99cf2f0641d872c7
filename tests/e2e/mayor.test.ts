import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, openBrowser, signIn, type Session } from './support/browser';

// The mayor (viewer role, README "Pages"): a home with rankings, IKM, coaching and trends, every
// office read page open, every write refused.
const PASSWORD = 'Demo#Rapor2026';

for (const viewport of [
	{ width: 1280, height: 900 },
	{ width: 390, height: 844 }
]) {
	describe(`the mayor's view at ${viewport.width} px`, () => {
		let s: Session;
		beforeAll(async () => {
			s = await openBrowser(viewport);
			await signIn(s.page, 'walikota@kotacontoh.go.id', PASSWORD);
		});
		afterAll(() => s.close());

		it('shows each category ranking of the latest published period with IKM, coaching and trends', async () => {
			const p = s.page;
			expect(new URL(p.url()).pathname).toBe('/pimpinan');
			// Every category of the latest published period, as its public page lists them (other
			// tests publish periods too, so the latest one is read from the page, not assumed).
			const categories = p.locator('[data-testid=mayor-category]');
			const shown = await categories.count();
			const publicHref = (await p.getAttribute('main a[href^="/hasil/"]', 'href'))!;
			await p.goto(publicHref);
			const onPublicPage = await p.locator('section.category').count();
			await p.goto('/pimpinan');
			expect(shown).toBe(onPublicPage);
			expect(shown).toBeGreaterThanOrEqual(3);
			// The trend names the latest published period by its code (MPP-2025 on the demo alone).
			const latest = decodeURIComponent(publicHref.split('?')[0].split('/')[2]);
			expect(await p.textContent('main')).toContain(latest);
			expect(await p.textContent('main')).toContain('Pembinaan periode ini');
			expect(await p.textContent('main')).toContain('Tren rata-rata IPP per kategori');
			const nav = await p.textContent('nav');
			expect(nav).toContain('Survei');
			expect(nav).toContain('Pembinaan');
			await p.screenshot({ path: `/tmp/office-shots/mayor-${viewport.width}.png`, fullPage: true });
			const scrollWidth = await p.evaluate(() => document.documentElement.scrollWidth);
			expect(scrollWidth).toBeLessThanOrEqual(viewport.width);
		});

		it('links a ranked unit name to its report card', async () => {
			const p = s.page;
			await p.goto('/pimpinan');
			const first = p.locator('[data-testid=mayor-category] tbody a').first();
			const name = (await first.textContent())!.trim();
			await Promise.all([p.waitForURL(/\/unit\/[^/]+\/rapor\/[^/]+$/), first.click()]);
			expect(await p.textContent('h1')).toContain(name);
		});

		it('opens the office read pages without a 403 and without their write forms', async () => {
			const p = s.page;
			for (const path of [
				'/admin/survei',
				'/admin/survei/MPP-2026',
				'/pembinaan',
				'/admin/periode/MPP-2025/hasil'
			]) {
				const res = await p.goto(path);
				expect(res?.status(), path).toBe(200);
			}
			await p.goto('/admin/survei/MPP-2026');
			expect(await p.locator('form[action="?/window"]').count()).toBe(0);
			await p.goto('/admin/periode/MPP-2025/hasil');
			expect(await p.locator('a[href$="/publikasi"]').count()).toBe(0);
		});
	});
}

describe('the mayor changes nothing', () => {
	it('gets 403 from every write it tries', async () => {
		const s = await openBrowser();
		try {
			await signIn(s.page, 'walikota@kotacontoh.go.id', PASSWORD);
			const post = (path: string, form: Record<string, string>) =>
				s.page.request.post(path, { form, headers: { origin: baseURL() }, maxRedirects: 0 });
			expect(
				(
					await post('/admin/survei/MPP-2026?/window', { survey_from: '2026-01-01', survey_to: '2026-02-01' })
				).status()
			).toBe(403);
			expect((await post('/admin/pengguna/undangan?/all', {})).status()).toBe(403);
			const res = await s.page.goto('/admin/pengguna');
			expect(res?.status()).toBe(403);
		} finally {
			await s.close();
		}
	});
});
