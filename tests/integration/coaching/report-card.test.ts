import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { createTestDb, type TestDb } from '../support/test-db';
import { buildScoredPeriod, flat, NOW, publishSnapshot, type Fixture } from '../support/coaching-fixture';
import type { SessionUser } from '../../../src/lib/domain/auth/user';
import {
	authorizeReportCard,
	loadReportCard
} from '../../../src/lib/server/report-cards/report-card.service';
import { presentReportCard } from '../../../src/lib/server/report-cards/report-card-view';
import { renderReportCardPdf } from '../../../src/lib/server/report-cards/report-card-pdf';
import { loadReportCardClosing } from '../../../src/lib/server/report-cards/report-card-closing.service';
import { saveCitySettings } from '../../../src/lib/server/settings/city-settings.service';
import { computeIkm } from '../../../src/lib/domain/survey/ikm';
import { overwriteGetLocale } from '../../../src/lib/paraglide/runtime';
import { draftCoachingPlans } from '../../../src/lib/server/coaching/coaching-draft.service';
import { gradeName } from '../../../src/lib/i18n/display';

let t: TestDb;
let f: Fixture;
beforeEach(async () => {
	t = await createTestDb();
	f = await buildScoredPeriod(t.db, [
		{ code: 'K-1', category: 'Kelurahan', score: flat(4) },
		{ code: 'K-2', category: 'Kelurahan', score: (i) => (i % 3 ? 3 : 2) },
		{ code: 'K-3', category: 'Kelurahan', score: flat(3) }
	]);
});
afterEach(() => t.cleanup());

const as = (id: number, role: SessionUser['role']): SessionUser => ({ id, role, name: 'x', email: 'x@y.z' });
const noLive = async () => null;

describe('report card access', () => {
	it('lets admins and viewers read any card, before and after publication', async () => {
		for (const u of [as(f.users.admin, 'admin'), as(f.users.viewer, 'viewer')]) {
			expect((await authorizeReportCard(t.db, u, 'K-2', 'UJI-2025')).ok).toBe(true);
		}
		await publishSnapshot(t.db, f);
		expect((await authorizeReportCard(t.db, as(f.users.viewer, 'viewer'), 'K-2', 'UJI-2025')).ok).toBe(true);
	});

	it('hides an unpublished card from the unit head (404) and shows it once published', async () => {
		const head = as(f.users.heads.get('K-2')!, 'unit_head');
		expect(await authorizeReportCard(t.db, head, 'K-2', 'UJI-2025')).toMatchObject({
			ok: false,
			status: 404
		});
		await publishSnapshot(t.db, f);
		expect((await authorizeReportCard(t.db, head, 'K-2', 'UJI-2025')).ok).toBe(true);
	});

	it("refuses another unit's head and assessors with 403", async () => {
		await publishSnapshot(t.db, f);
		const other = as(f.users.heads.get('K-1')!, 'unit_head');
		expect(await authorizeReportCard(t.db, other, 'K-2', 'UJI-2025')).toMatchObject({
			ok: false,
			status: 403
		});
		const assessor = as(f.users.assessors[0], 'assessor');
		expect(await authorizeReportCard(t.db, assessor, 'K-2', 'UJI-2025')).toMatchObject({
			ok: false,
			status: 403
		});
	});

	it('answers unknown units and periods with 404', async () => {
		const admin = as(f.users.admin, 'admin');
		expect(await authorizeReportCard(t.db, admin, 'NOPE', 'UJI-2025')).toMatchObject({ status: 404 });
		expect(await authorizeReportCard(t.db, admin, 'K-1', '12abc')).toMatchObject({ status: 404 });
	});
});

describe('report card content', () => {
	async function card(code: string) {
		const auth = await authorizeReportCard(t.db, as(f.users.admin, 'admin'), code, 'UJI-2025');
		if (!auth.ok) throw new Error(auth.message);
		return presentReportCard(
			await loadReportCard(t.db, auth.value.unit, auth.value.period, noLive, '2026-11-22')
		);
	}

	it('shows IPP, predikat, rank k of n, category mean, aspects and the five largest gains', async () => {
		await publishSnapshot(t.db, f);
		const c = await card('K-2');
		const k2 = f.results.categories[0].units.find((u) => u.code === 'K-2')!;
		expect(c.summary).toMatchObject({ ippDisplay: k2.ipp_display, grade: k2.grade, rank: 3, rankedCount: 3 });
		expect(c.summary!.categoryMeanDisplay).toMatch(/^\d,\d\d$/);
		expect(c.aspects).toHaveLength(6);
		expect(c.gains).toHaveLength(5);
		expect(c.visitNos).toEqual([1, 2]);
		const first = c.indicators[0];
		expect(first.visitScores).toEqual(['2,00', '2,00']);
		expect(first.level).toBe(2);
		expect(first.notes.map((n) => n.note)).toEqual([`catatan ${first.code} v1`, `catatan ${first.code} v2`]);
		expect(c.trend.map((p) => p.periodCode)).toEqual(['UJI-2025']);
	});

	it("keeps assessors' notes back until the period is published", async () => {
		const c = await card('K-2');
		expect(c.period.published).toBe(false);
		expect(c.indicators.every((i) => i.notes.length === 0)).toBe(true);
	});

	it('renders a PDF whose text holds the city, the unit name, the IPP and page numbers', async () => {
		await publishSnapshot(t.db, f);
		const c = await card('K-2');
		const pdf = await renderReportCardPdf(c);
		const { text, totalPages } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
		expect(text).toContain('PEMERINTAH KOTA CONTOH');
		expect(text).toContain('Unit K-2');
		expect(text).toContain(c.summary!.ippDisplay);
		expect(text).toContain(`Halaman ${totalPages} dari ${totalPages}`);
	});

	it('prints the IKM with its sample caution, and the date and signature block from the settings', async () => {
		await publishSnapshot(t.db, f);
		const c = await card('K-2');
		const settings = {
			governmentKind: 'kota' as const,
			governmentName: 'Pemerintah Kota Contoh',
			place: 'Kota Contoh',
			signatoryName: 'Drs. Budi Santoso, M.Si.',
			signatoryTitle: 'Kepala Bagian Organisasi',
			signatoryNip: '197001012000031001'
		};
		expect(await saveCitySettings(t.db, settings, f.users.admin, NOW)).toEqual({ ok: true });
		const ikm = {
			id: 1,
			code: 'K-2',
			name: 'Kelurahan K-2',
			category: 'Kelurahan',
			yearlyServiceUsers: 1500,
			target: 310,
			respondents: 5,
			result: computeIkm({ respondents: 5, sums: Array(9).fill(15) })
		};
		const textOf = async (pdf: Uint8Array) =>
			(await extractText(await getDocumentProxy(pdf), { mergePages: true })).text;

		const closing = await loadReportCardClosing(t.db, NOW, 'id', 'Asia/Jakarta');
		const id = await textOf(await renderReportCardPdf(c, { ikm, closing }));
		expect(id).toContain('Survei Kepuasan Masyarakat (IKM)');
		expect(id).toContain('5 dari 310 responden: belum mewakili');
		expect(id).toContain('Kota Contoh, 22 November 2026');
		expect(id).toContain('Kepala Bagian Organisasi');
		expect(id).toContain('Drs. Budi Santoso, M.Si.');
		expect(id).toContain('NIP. 197001012000031001');

		overwriteGetLocale(() => 'en');
		try {
			const english = await loadReportCardClosing(t.db, NOW, 'en', 'Asia/Jakarta');
			const en = await textOf(await renderReportCardPdf(c, { ikm, closing: english }));
			expect(en).toContain('PUBLIC SERVICE REPORT CARD');
			expect(en).toContain('5 of 310 respondents: not yet representative');
			expect(en).toContain('Score per indicator');
			expect(en).not.toContain('Halaman');
		} finally {
			overwriteGetLocale(() => 'id');
		}
	});

	it("writes a national category's rank with the reader's digit grouping", async () => {
		await publishSnapshot(t.db, f);
		const c = await card('K-1');
		const national = { ...c, summary: { ...c.summary!, rank: 2576, rankedCount: 16000 } };
		const textOf = async (pdf: Uint8Array) =>
			(await extractText(await getDocumentProxy(pdf), { mergePages: true })).text.replace(/\s+/g, ' ');
		expect(await textOf(await renderReportCardPdf(national))).toContain('2.576 dari 16.000 unit kategori');
		overwriteGetLocale(() => 'en');
		try {
			expect(await textOf(await renderReportCardPdf(national))).toContain('2,576 of 16,000 units in');
		} finally {
			overwriteGetLocale(() => 'id');
		}
	});

	it("writes the grade, the IPP and the coaching plan's states in the reader's language", async () => {
		await publishSnapshot(t.db, f);
		await draftCoachingPlans(t.db, f.periodId, f.results, NOW);
		// a draft is the office's working copy and stays off the card: the plan is under way
		await t.db.updateTable('coaching_plan').set({ status: 'active' }).execute();
		const c = await card('K-2');
		expect(c.plan).not.toBeNull();
		const textOf = async (pdf: Uint8Array) =>
			(await extractText(await getDocumentProxy(pdf), { mergePages: true })).text;
		const grade = c.summary!.grade!;
		const id = await textOf(await renderReportCardPdf(c));
		expect(id).toContain(`${grade} · ${gradeName(grade, 'id')}`);
		expect(id).toContain('Rencana pembinaan (Aktif)');
		expect(id).toContain('Belum dimulai');
		overwriteGetLocale(() => 'en');
		try {
			const en = await textOf(await renderReportCardPdf(await card('K-2')));
			expect(en).toContain(`${grade} · ${gradeName(grade, 'en')}`);
			expect(en).toContain(`IPP ${c.summary!.ippDisplay.replace(',', '.')}`);
			expect(en).toContain('Coaching plan (Active)');
			expect(en).toContain('Not started');
			expect(en).not.toContain('Belum dimulai');
		} finally {
			overwriteGetLocale(() => 'id');
		}
	});
});
