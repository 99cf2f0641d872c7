import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDb, type TestDb } from '../support/test-db';
import { buildScoredPeriod, flat, NOW, type Fixture } from '../support/coaching-fixture';
import type { SessionUser } from '../../../src/lib/domain/auth/user';
import { setPeriodStatus } from '../../../src/lib/server/periods/period.repository';
import { publishPeriod } from '../../../src/lib/server/publication/publication.service';
import { listPlans } from '../../../src/lib/server/coaching/coaching-plan.repository';
import { listItemsOfPlans } from '../../../src/lib/server/coaching/coaching-item.repository';
import {
	assignMentor,
	editCoachingItem,
	movePlan
} from '../../../src/lib/server/coaching/coaching-plan.service';
import { reportProgress, reviewItem } from '../../../src/lib/server/coaching/coaching-progress.service';
import { scheduleFollowUp } from '../../../src/lib/server/coaching/follow-up.service';
import { authorizePlan, loadPlanView } from '../../../src/lib/server/coaching/coaching-view.service';
import { computeResultsDocument } from '../../../src/lib/server/results/results.service';
import { findPeriodByCode } from '../../../src/lib/server/periods/period.repository';
import { insertScores, insertSheet } from '../../../src/lib/server/sheets/score-sheet.repository';
import { storedFilePath } from '../../../src/lib/server/files/file-store';

let t: TestDb;
let f: Fixture;
let uploads: string;
let planId: number;
const as = (id: number, role: SessionUser['role']): SessionUser => ({ id, role, name: 'x', email: 'x@y.z' });
let admin: SessionUser;
let head: SessionUser;
// A real, decodable photo: progress evidence is decoded in full, not judged by its first bytes.
let PNG: Uint8Array;
beforeAll(async () => {
	PNG = new Uint8Array(
		await sharp({ create: { width: 8, height: 8, channels: 3, background: '#3a7' } })
			.png()
			.toBuffer()
	);
});

beforeEach(async () => {
	t = await createTestDb();
	uploads = mkdtempSync(join(tmpdir(), 'rapor-up-'));
	f = await buildScoredPeriod(t.db, [
		{ code: 'K-1', category: 'Kelurahan', score: flat(2) },
		{ code: 'K-2', category: 'Kelurahan', score: flat(4) }
	]);
	await setPeriodStatus(t.db, f.periodId, 'review', NOW);
	const published = await publishPeriod(
		t.db,
		{
			periodCode: 'UJI-2025',
			userId: f.users.admin,
			confirm: ['no-awards'],
			reason: 'Kategori uji hanya dua unit'
		},
		NOW
	);
	expect(published.ok).toBe(true);
	planId = (await listPlans(t.db, {}))[0].id;
	admin = as(f.users.admin, 'admin');
	head = as(f.users.heads.get('K-1')!, 'unit_head');
});
afterEach(async () => {
	await t.cleanup();
	rmSync(uploads, { recursive: true, force: true });
});

const items = () => listItemsOfPlans(t.db, [planId]);
// Recomputed from the sheets, not read from the frozen snapshot.
const liveResults = async () => computeResultsDocument(t.db, (await findPeriodByCode(t.db, 'UJI-2025'))!);

describe('coaching plan states', () => {
	it('publishing drafts the plan of the low scorer only, in the same transaction', async () => {
		const plans = await listPlans(t.db, {});
		expect(plans.map((p) => [p.unitCode, p.status])).toEqual([['K-1', 'draft']]);
		expect(await items()).toHaveLength(5);
	});

	it('activates only with a mentor who is an admin, and hides drafts from the unit head', async () => {
		expect(await authorizePlan(t.db, head, planId)).toMatchObject({ ok: false, status: 404 });
		expect(await movePlan(t.db, admin, planId, 'active', NOW)).toMatchObject({ ok: false, status: 409 });
		expect(await assignMentor(t.db, admin, planId, f.users.viewer, NOW)).toMatchObject({
			ok: false,
			status: 400
		});
		expect((await assignMentor(t.db, admin, planId, f.users.admin, NOW)).ok).toBe(true);
		expect((await movePlan(t.db, admin, planId, 'active', NOW)).ok).toBe(true);
		expect((await authorizePlan(t.db, head, planId)).ok).toBe(true);
		const other = as(f.users.heads.get('K-2')!, 'unit_head');
		expect(await authorizePlan(t.db, other, planId)).toMatchObject({ ok: false, status: 403 });
		expect(await movePlan(t.db, admin, planId, 'active', NOW)).toMatchObject({ ok: false, status: 409 });
	});

	it('runs the loop: progress with evidence, mentor verification, completion', async () => {
		await assignMentor(t.db, admin, planId, f.users.admin, NOW);
		const [first] = await items();
		// No progress on a draft plan.
		expect(
			await reportProgress(
				t.db,
				head,
				{ planId, itemId: first.id },
				{ status: 'done', note: 'Sudah', file: null },
				uploads,
				NOW
			)
		).toMatchObject({ ok: false, status: 409 });
		await movePlan(t.db, admin, planId, 'active', NOW);

		const other = as(f.users.heads.get('K-2')!, 'unit_head');
		expect(
			await reportProgress(
				t.db,
				other,
				{ planId, itemId: first.id },
				{ status: 'done', note: 'x', file: null },
				uploads,
				NOW
			)
		).toMatchObject({ ok: false, status: 403 });
		const fake = { bytes: new TextEncoder().encode('<html>bukan gambar</html>') };
		expect(
			await reportProgress(
				t.db,
				head,
				{ planId, itemId: first.id },
				{ status: 'done', note: 'x', file: fake },
				uploads,
				NOW
			)
		).toMatchObject({ ok: false, status: 400 });
		const disguised = {
			bytes: new Uint8Array([
				0xff,
				0xd8,
				0xff,
				0xe0,
				...new TextEncoder().encode('<html><script>x()</script>')
			])
		};
		expect(
			await reportProgress(
				t.db,
				head,
				{ planId, itemId: first.id },
				{ status: 'done', note: 'x', file: disguised },
				uploads,
				NOW
			)
		).toMatchObject({ ok: false, status: 400 });
		expect((await items())[0].status).toBe('open');

		const r = await reportProgress(
			t.db,
			head,
			{ planId, itemId: first.id },
			{ status: 'done', note: 'Papan SP terpasang', file: { bytes: PNG } },
			uploads,
			NOW
		);
		expect(r.ok).toBe(true);
		const view = (await loadPlanView(t.db, planId, '2026-11-22'))!;
		expect(view.items[0].status).toBe('done');
		expect(view.items[0].progress[0]).toMatchObject({ note: 'Papan SP terpasang', fileMime: 'image/png' });
		expect(readFileSync(storedFilePath(uploads, view.items[0].progress[0].fileSha256!))).toEqual(
			Buffer.from(PNG)
		);

		// An item is addressed through its own plan only.
		expect(
			await reviewItem(t.db, admin, { planId: planId + 1, itemId: first.id }, 'verify', '', NOW)
		).toMatchObject({
			ok: false,
			status: 404
		});
		// Only the mentor verifies; the unit head cannot.
		expect(await reviewItem(t.db, head, { planId, itemId: first.id }, 'verify', '', NOW)).toMatchObject({
			ok: false,
			status: 403
		});
		expect(
			(await reviewItem(t.db, admin, { planId, itemId: first.id }, 'verify', 'Dicek di lapangan', NOW)).ok
		).toBe(true);
		expect((await items())[0]).toMatchObject({ status: 'verified', verifiedByName: 'admin' });
		expect(
			await reportProgress(
				t.db,
				head,
				{ planId, itemId: first.id },
				{ status: 'in_progress', note: 'lagi', file: null },
				uploads,
				NOW
			)
		).toMatchObject({ ok: false, status: 409 });
		expect(
			await editCoachingItem(
				t.db,
				admin,
				planId,
				first.id,
				{ action: 'Ubah', dueOn: '2027-01-01', responsible: null },
				NOW
			)
		).toMatchObject({ ok: false, status: 409 });

		expect(await movePlan(t.db, admin, planId, 'completed', NOW)).toMatchObject({ ok: false, status: 409 });
		for (const item of (await items()).slice(1)) {
			await reportProgress(
				t.db,
				head,
				{ planId, itemId: item.id },
				{ status: 'done', note: 'Selesai', file: null },
				uploads,
				NOW
			);
			await reviewItem(t.db, admin, { planId, itemId: item.id }, 'verify', '', NOW);
		}
		expect((await movePlan(t.db, admin, planId, 'completed', NOW)).ok).toBe(true);
		expect(await movePlan(t.db, admin, planId, 'cancelled', NOW)).toMatchObject({ ok: false, status: 409 });
	});

	it('highlights overdue items of an active plan on the city calendar', async () => {
		await assignMentor(t.db, admin, planId, f.users.admin, NOW);
		await movePlan(t.db, admin, planId, 'active', NOW);
		const [first] = await items();
		await editCoachingItem(
			t.db,
			admin,
			planId,
			first.id,
			{ action: 'Pasang SP', dueOn: '2026-11-21', responsible: 'Lurah' },
			NOW
		);
		const view = (await loadPlanView(t.db, planId, '2026-11-22'))!;
		expect(view.items.map((i) => i.overdue)).toEqual([true, false, false, false, false]);
		expect((await loadPlanView(t.db, planId, '2026-11-21'))!.items[0].overdue).toBe(false);
	});

	it('schedules a follow-up visit whose scores show as "after" without changing the published IPP', async () => {
		await assignMentor(t.db, admin, planId, f.users.admin, NOW);
		expect(
			await scheduleFollowUp(
				t.db,
				admin,
				planId,
				{ plannedOn: '2026-12-01', assessorId: f.users.assessors[0] },
				NOW
			)
		).toMatchObject({ ok: false, status: 409 });
		await movePlan(t.db, admin, planId, 'active', NOW);
		const before = (await liveResults()).categories[0].units.find((u) => u.code === 'K-1')!.ipp;
		const s = await scheduleFollowUp(
			t.db,
			admin,
			planId,
			{ plannedOn: '2026-12-01', assessorId: f.users.assessors[0] },
			NOW
		);
		expect(s.ok).toBe(true);
		const visitId = (s as { value: number }).value;
		const sheetId = await insertSheet(
			t.db,
			{ visitId, assessorId: f.users.assessors[0], status: 'submitted', source: 'form' },
			NOW
		);
		const [first, second] = await items();
		await insertScores(t.db, sheetId, [
			{ indicatorId: first.indicatorId, score: 3, note: null },
			{ indicatorId: second.indicatorId, score: 4, note: null }
		]);
		const view = (await loadPlanView(t.db, planId, '2026-11-22'))!;
		expect(view.items.map((i) => [i.currentScore, i.after])).toEqual([
			[2, 3],
			[2, 4],
			[2, null],
			[2, null],
			[2, null]
		]);
		expect(view.followUps).toMatchObject([{ visitNo: 1, plannedOn: '2026-12-01', submittedSheets: 1 }]);
		const after = (await liveResults()).categories[0].units.find((u) => u.code === 'K-1')!.ipp;
		expect(after).toBe(before);
	});
});
