import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestDb, type TestDb } from '../support/test-db';
import { buildScoredPeriod, flat, NOW } from '../support/coaching-fixture';
import type { SessionUser } from '../../../src/lib/domain/auth/user';
import { setPeriodStatus } from '../../../src/lib/server/periods/period.repository';
import { publishPeriod } from '../../../src/lib/server/publication/publication.service';
import { listPlans } from '../../../src/lib/server/coaching/coaching-plan.repository';
import { assignMentor, movePlan } from '../../../src/lib/server/coaching/coaching-plan.service';
import {
	listCoachingExportRows,
	loadCoachingOverview
} from '../../../src/lib/server/coaching/coaching-overview.service';
import { writeCoachingWorkbook } from '../../../src/lib/server/coaching/coaching-xlsx';
import { loadUnitHome } from '../../../src/lib/server/units/unit-home.service';
import { loadAttention } from '../../../src/lib/server/periods/attention.service';
import { updateItemStatus } from '../../../src/lib/server/coaching/coaching-item.repository';
import { loadMayorHome } from '../../../src/lib/server/results/mayor-home.service';

let t: TestDb;
const as = (id: number, role: SessionUser['role']): SessionUser => ({ id, role, name: 'x', email: 'x@y.z' });
let ids: { admin: number; heads: Map<string, number> };

beforeEach(async () => {
	t = await createTestDb();
	const f = await buildScoredPeriod(t.db, [
		{ code: 'K-1', category: 'Kelurahan', score: flat(2) },
		{ code: 'K-2', category: 'Kelurahan', score: flat(1) },
		{ code: 'P-1', category: 'Puskesmas', score: flat(2) }
	]);
	await setPeriodStatus(t.db, f.periodId, 'review', NOW);
	await publishPeriod(
		t.db,
		{
			periodCode: 'UJI-2025',
			userId: f.users.admin,
			confirm: ['no-awards'],
			reason: 'Kategori uji kurang dari tiga unit'
		},
		NOW
	);
	ids = f.users;
	const k1 = (await listPlans(t.db, {})).find((p) => p.unitCode === 'K-1')!;
	const admin = as(f.users.admin, 'admin');
	await assignMentor(t.db, admin, k1.id, f.users.admin, NOW);
	await movePlan(t.db, admin, k1.id, 'active', NOW);
});
afterEach(() => t.cleanup());

describe('/pembinaan overview and export', () => {
	it('shows the admin every plan per category and a unit head only their active ones', async () => {
		const admin = await loadCoachingOverview(t.db, as(ids.admin, 'admin'), {}, '2026-11-22');
		expect(admin.plans.map((p) => p.unitCode).sort()).toEqual(['K-1', 'K-2', 'P-1']);
		expect(admin.categories.find((c) => c.category === 'Kelurahan')!.byStatus).toEqual({
			draft: 1,
			active: 1,
			completed: 0,
			cancelled: 0
		});
		const k1 = await loadCoachingOverview(t.db, as(ids.heads.get('K-1')!, 'unit_head'), {}, '2026-11-22');
		expect(k1.plans.map((p) => p.unitCode)).toEqual(['K-1']);
		const k2 = await loadCoachingOverview(t.db, as(ids.heads.get('K-2')!, 'unit_head'), {}, '2026-11-22');
		expect(k2.plans).toEqual([]); // its plan is still a draft
	});

	it('counts overdue items of active plans once their due date has passed', async () => {
		const late = await loadCoachingOverview(t.db, as(ids.admin, 'admin'), {}, '2027-12-31');
		expect(late.overdue).toHaveLength(5);
		expect(late.overdue.every((o) => o.unitName === 'Unit K-1')).toBe(true);
		const home = await loadUnitHome(t.db, ids.heads.get('K-1')!, '2027-12-31');
		expect(home.items).toHaveLength(5);
		expect(home.items.every((i) => i.overdue)).toBe(true);
		expect(home.units[0].latest).toMatchObject({ periodCode: 'UJI-2025', rank: 1, rankedCount: 2 });
		// The office home's attention list counts the same items as the overview lists.
		const attention = await loadAttention(t.db, as(ids.admin, 'admin'), '2027-12-31', NOW);
		expect(attention.find((a) => a.kind === 'overdue_coaching')).toMatchObject({
			count: 5,
			href: '/pembinaan'
		});
		const onTime = await loadAttention(t.db, as(ids.admin, 'admin'), '2026-11-22', NOW);
		expect(onTime.find((a) => a.kind === 'overdue_coaching')).toBeUndefined();
		// A finished item is no longer overdue, in the list, the plan's progress and the count alike.
		await updateItemStatus(t.db, late.overdue[0].itemId, 'done', null, NOW);
		const after = await loadCoachingOverview(t.db, as(ids.admin, 'admin'), {}, '2027-12-31');
		expect(after.overdue.map((o) => o.itemId)).toEqual(late.overdue.slice(1).map((o) => o.itemId));
		expect(after.plans.find((p) => p.unitCode === 'K-1')!.progress).toEqual({
			total: 5,
			verified: 0,
			done: 1,
			overdue: 4
		});
		const fewer = await loadAttention(t.db, as(ids.admin, 'admin'), '2027-12-31', NOW);
		expect(fewer.find((a) => a.kind === 'overdue_coaching')!.count).toBe(4);
	});

	it('exports one row per item with numbers kept as numbers, filtered like the page', async () => {
		const rows = await listCoachingExportRows(
			t.db,
			as(ids.admin, 'admin'),
			{ category: 'Kelurahan' },
			'2026-11-22'
		);
		expect(rows).toHaveLength(10);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await writeCoachingWorkbook(rows)).buffer as ArrayBuffer);
		const ws = wb.worksheets[0];
		expect(ws.getRow(1).getCell(1).value).toBe('Periode');
		expect(ws.rowCount).toBe(11);
		expect(typeof ws.getRow(2).getCell('I').value).toBe('number');
		expect(ws.getRow(2).getCell('I').value).toBe(rows[0].currentScore);
		// the states are worded in the reader's language (Indonesian here), not left as codes
		const planWords = { draft: 'Draf', active: 'Aktif', completed: 'Selesai', cancelled: 'Dibatalkan' };
		const itemWords = {
			open: 'Belum dimulai',
			in_progress: 'Sedang dikerjakan',
			done: 'Selesai (menunggu verifikasi)',
			verified: 'Terverifikasi'
		};
		expect(ws.getRow(2).getCell('E').value).toBe(planWords[rows[0].planStatus]);
		expect(ws.getRow(2).getCell('P').value).toBe(itemWords[rows[0].itemStatus]);
		const own = await listCoachingExportRows(t.db, as(ids.heads.get('K-2')!, 'unit_head'), {}, '2026-11-22');
		expect(own).toEqual([]);
	});

	it('pages the plans in the database and counts every plan of the filter, as the mayor does', async () => {
		const admin = as(ids.admin, 'admin');
		const whole = await loadCoachingOverview(t.db, admin, {}, '2027-12-31');
		expect(whole).toMatchObject({ total: 3, page: 1, pages: 1, periodCodes: ['UJI-2025'] });
		const pages = [1, 2].map((page) =>
			loadCoachingOverview(t.db, admin, {}, '2027-12-31', { page, size: 2 })
		);
		const [first, second] = await Promise.all(pages);
		expect(first).toMatchObject({ total: 3, page: 1, pages: 2 });
		expect([...first.plans, ...second.plans]).toEqual(whole.plans);
		// a page holds some plans; the counts and the overdue list still cover them all
		expect(second.categories).toEqual(whole.categories);
		expect(second.overdue).toEqual(whole.overdue);
		// a page past the end reads as the last
		expect((await loadCoachingOverview(t.db, admin, {}, '2027-12-31', { page: 9, size: 2 })).plans).toEqual(
			second.plans
		);
		// the counts per category are what the plans' own progress adds up to
		for (const c of whole.categories) {
			const mine = whole.plans.filter((p) => p.category === c.category);
			expect(c.overdueItems).toBe(mine.reduce((n, p) => n + p.progress.overdue, 0));
			expect(c.items).toBe(mine.reduce((n, p) => n + p.progress.total, 0));
		}
		expect(whole.categories.find((c) => c.category === 'Kelurahan')).toMatchObject({
			items: 10,
			overdueItems: 5
		});
		// filters narrow the counts and the list alike
		const draft = await loadCoachingOverview(t.db, admin, { status: 'draft' }, '2027-12-31');
		expect(draft.plans.map((p) => p.unitCode).sort()).toEqual(['K-2', 'P-1']);
		expect(draft.categories.map((c) => [c.category, c.byStatus.draft, c.byStatus.active])).toEqual([
			['Kelurahan', 1, 0],
			['Puskesmas', 1, 0]
		]);
		expect(draft.overdue).toEqual([]);
		const puskesmas = await loadCoachingOverview(t.db, admin, { category: 'Puskesmas' }, '2027-12-31');
		expect(puskesmas.plans.map((p) => p.unitCode)).toEqual(['P-1']);
		// the mayor's coaching table counts the same plans and items
		const mayor = await loadMayorHome(t.db, as(ids.admin, 'viewer'), '2027-12-31', NOW);
		expect(mayor.coaching.find((r) => r.category === 'Kelurahan')).toEqual({
			category: 'Kelurahan',
			plans: 2,
			completed: 0,
			items: 10,
			verified: 0,
			overdue: 5
		});
	});
});
