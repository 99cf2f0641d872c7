import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, signIn, type Session } from './support/browser';

// A refused form says what is wrong under the field, and the field carries it: aria-invalid, and
// aria-describedby pointing at the error, so a screen reader reads the error when the field gets
// focus (README "Where things live", lib/components/form). Choices and text areas go through the same form-field components as
// inputs; these were the fields whose error was shown but not tied to them. Every post here is
// refused, so the demo data is left as it was.
const PASSWORD = 'Demo#Rapor2026';
let s: Session;

beforeAll(async () => {
	s = await openBrowser();
	await signIn(s.page, 'admin@kotacontoh.go.id', PASSWORD);
});
afterAll(() => s.close());

/** What the field says of itself: invalid or not, and the texts it is described by. */
function describedBy(p: Page, selector: string) {
	return p.evaluate((sel) => {
		const field = document.querySelector(sel)!;
		const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
		return {
			invalid: field.getAttribute('aria-invalid'),
			texts: ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? `missing #${id}`)
		};
	}, selector);
}

/** Sends the form as a user whose browser does not check `required` (or who has no script) would. */
async function sendUnchecked(p: Page, form: string): Promise<void> {
	await p.locator(form).evaluate((f: HTMLFormElement) => (f.noValidate = true));
	await Promise.all([
		p.waitForLoadState('networkidle'),
		p.locator(`${form} button[type=submit]`).last().click()
	]);
}

describe('a refused form', () => {
	it("ties a missing category to the new unit form's choice and keeps what was typed", async () => {
		const p = s.page;
		await p.goto('/admin/unit/baru', { waitUntil: 'networkidle' });
		await p.fill('#code', 'KEL-ZZ');
		await p.fill('#name', 'Kelurahan Uji');
		await sendUnchecked(p, 'main form[method=POST]');
		expect(await describedBy(p, '#category')).toEqual({ invalid: 'true', texts: ['Pilih kategori.'] });
		expect(await p.inputValue('#code')).toBe('KEL-ZZ');
		expect(await p.inputValue('#name')).toBe('Kelurahan Uji');
	});

	it('ties a missing instrument to the new period form and a missing source to the instrument copy', async () => {
		const p = s.page;
		await p.goto('/admin/periode/baru', { waitUntil: 'networkidle' });
		await sendUnchecked(p, 'main form[method=POST]');
		expect(await describedBy(p, '#instrument')).toEqual({ invalid: 'true', texts: ['Pilih instrumen.'] });

		await p.goto('/admin/instrumen', { waitUntil: 'networkidle' });
		await sendUnchecked(p, 'form[action="?/clone"]');
		expect(await describedBy(p, '#source')).toEqual({
			invalid: 'true',
			texts: ['Pilih instrumen sumber.']
		});
	});

	it('ties each error of the visit assignment to its field as well as listing it above the form', async () => {
		const p = s.page;
		await p.goto('/admin/kunjungan', { waitUntil: 'networkidle' });
		await sendUnchecked(p, 'form.assign');
		const summary = await p.textContent('[data-testid=assign-errors]');
		for (const field of ['#a-unit', '#a-assessor']) {
			const { invalid, texts } = await describedBy(p, field);
			expect(invalid).toBe('true');
			expect(texts).toHaveLength(1);
			expect(summary).toContain(texts[0]);
		}
		expect((await describedBy(p, '#a-visit')).invalid).toBeNull();
	});

	it('ties a short audited reason to its text area and keeps what was written', async () => {
		const p = s.page;
		await p.goto('/admin/periode/MPP-2025/publikasi', { waitUntil: 'networkidle' });
		await p.fill('#correction-reason', 'ab');
		await sendUnchecked(p, 'form[action="?/openCorrection"]');
		expect(await describedBy(p, '#correction-reason')).toEqual({
			invalid: 'true',
			texts: ['Alasan wajib diisi (minimal 5 karakter).']
		});
		expect(await p.inputValue('#correction-reason')).toBe('ab');
	});
});

describe('a filter', () => {
	it('shows the choices it was sent with on the users and audit pages', async () => {
		const p = s.page;
		await p.goto('/admin/pengguna?role=unit_head', { waitUntil: 'networkidle' });
		expect(await p.inputValue('#role')).toBe('unit_head');
		await p.goto('/admin/audit', { waitUntil: 'networkidle' });
		const entity = await p.locator('#entitas option').last().getAttribute('value');
		expect(entity).toBeTruthy();
		await p.goto(`/admin/audit?entitas=${entity}&dari=2026-01-01`, { waitUntil: 'networkidle' });
		expect(await p.inputValue('#entitas')).toBe(entity);
		expect(await p.inputValue('#dari')).toBe('2026-01-01');
	});
});
