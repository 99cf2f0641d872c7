import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../support/test-db';
import { importScores, removeTempFiles } from '../results/support';
import {
	exampleWithAdmin,
	lowerPkmC,
	missingVisit,
	NOW,
	publishExample,
	publishExampleRevision,
	sheetOf
} from './support';
import { publishPeriod } from '../../../src/lib/server/publication/publication.service';
import { abandonCorrection, openCorrection } from '../../../src/lib/server/corrections/correction.service';
import { loadCorrectionPanel } from '../../../src/lib/server/corrections/correction-page.service';
import { reopenSheet } from '../../../src/lib/server/sheets/sheet-review.service';
import { loadResults, loadResultsJson } from '../../../src/lib/server/results/results.service';
import { loadPublicResults } from '../../../src/lib/server/results/public-results.service';
import { loadPublicationPage } from '../../../src/lib/server/publication/publication-page.service';
import { findPeriodByCode } from '../../../src/lib/server/periods/period.repository';

let t: TestDb;
afterEach(async () => t?.cleanup());
afterAll(removeTempFiles);

const LATER = new Date(NOW.getTime() + 86_400_000 * 10);
const LATEST = new Date(NOW.getTime() + 86_400_000 * 20);
/** Every sheet of the period in words, to compare before and after. */
async function sheetState() {
	const all = await t.db
		.selectFrom('score_sheet as s')
		.innerJoin('visit as v', 'v.id', 's.visit_id')
		.innerJoin('unit as u', 'u.id', 'v.unit_id')
		.innerJoin('user as a', 'a.id', 's.assessor_id')
		.leftJoin('score as sc', 'sc.sheet_id', 's.id')
		.select([
			'u.code',
			'v.visit_no',
			'a.email',
			's.status',
			's.version',
			'sc.indicator_id',
			'sc.score',
			'sc.note'
		])
		.orderBy('u.code')
		.orderBy('v.visit_no')
		.orderBy('a.email')
		.orderBy('sc.indicator_id')
		.execute();
	const team = await t.db
		.selectFrom('visit_assessor')
		.selectAll()
		.orderBy('visit_id')
		.orderBy('user_id')
		.execute();
	const visits = await t.db.selectFrom('visit').select(['id', 'unit_id', 'visit_no']).orderBy('id').execute();
	const sums = await t.db
		.selectFrom('sheet_aspect_sum')
		.selectAll()
		.orderBy('sheet_id')
		.orderBy('aspect_id')
		.execute();
	return { all, team, visits, sums };
}

describe('corrections after publication (docs/rules.md §8.3)', () => {
	it('refuses changes to a published period until a correction is opened, then publishes them as a revision listing the changes', async () => {
		const ex = await exampleWithAdmin();
		t = ex.t;
		const first = await publishExample(t, ex.adminId);
		const sheet = await sheetOf(t, 'PKM-A', 1);
		const reopenArgs = {
			sheetId: sheet.id,
			visitId: sheet.visit_id,
			reason: 'Salah ketik nilai',
			adminId: ex.adminId
		};
		expect(await reopenSheet(t.db, reopenArgs, LATER)).toMatchObject({ ok: false, status: 409 });
		expect((await importScores(t, missingVisit())).ok).toBe(false);
		expect(
			await openCorrection(t.db, { periodCode: 'P1', userId: ex.adminId, reason: ' ' }, LATER)
		).toMatchObject({
			ok: false,
			status: 400
		});

		const opened = await openCorrection(
			t.db,
			{ periodCode: 'P1', userId: ex.adminId, reason: 'Kunjungan kedua KEL-A tertinggal' },
			LATER
		);
		expect(opened).toEqual({ ok: true, value: { periodCode: 'P1', revision: 1 } });
		expect(
			await openCorrection(t.db, { periodCode: 'P1', userId: ex.adminId, reason: 'lagi dong' }, LATER)
		).toMatchObject({
			ok: false,
			status: 409
		});

		// Inside the correction: the missing visit is added, a sheet replaced, another reopened.
		expect(await importScores(t, missingVisit())).toMatchObject({ ok: true, value: { sheets: 1 } });
		expect(await importScores(t, lowerPkmC(), true)).toMatchObject({ ok: true, value: { replaced: 1 } });
		expect(await reopenSheet(t.db, reopenArgs, LATER)).toEqual({ ok: true });

		// The public pages and the API keep revision 1 meanwhile.
		expect((await loadResultsJson(t.db, 'P1', LATER))!.json).toBe(first.snapshot);
		expect((await loadPublicResults(t.db, 'P1', null, LATER))!.revised).toBeNull();

		const period = (await findPeriodByCode(t.db, 'P1'))!;
		const panel = await loadCorrectionPanel(t.db, period);
		expect(panel.open).toMatchObject({
			reason: 'Kunjungan kedua KEL-A tertinggal',
			by: 'Sri Admin',
			baseRevision: 1
		});
		expect(panel.canOpen).toBe(false);
		const pending = new Map(panel.pending.map((c) => [c.code, c.text]));
		expect(pending.get('KEL-A')).toMatch(/^peringkat – → \d; .*lengkap belum → ya$/);
		expect(pending.get('PKM-C')).toMatch(/^IPP 3,32 → 2,18; predikat B- → C-/);
		// PKM-A's reopened sheet leaves it with one visit: incomplete, unranked.
		expect(pending.get('PKM-A')).toContain('lengkap ya → belum');

		// The preflight runs for the revision too: the reopened draft is a class of its own.
		const refused = await publishPeriod(
			t.db,
			{
				periodCode: 'P1',
				userId: ex.adminId,
				confirm: ['flags'],
				reason: 'Koreksi KEL-A',
				newRevision: true
			},
			LATEST
		);
		expect(refused).toMatchObject({ ok: false, status: 409 });
		expect((refused as { preflight: { class: string }[] }).preflight.map((f) => f.class)).toContain('drafts');

		const revised = await publishExampleRevision(
			t,
			ex.adminId,
			'Koreksi: kunjungan kedua KEL-A dan nilai PKM-C',
			LATEST
		);
		expect(revised).toMatchObject({ ok: true, value: { revision: 2 } });
		expect(revised.ok && revised.value.changed).toBe(panel.pending.length);

		const after = (await loadResults(t.db, 'P1', LATEST))!;
		const kelA = after.doc.categories.flatMap((c) => c.units).find((u) => u.code === 'KEL-A')!;
		expect(kelA).toMatchObject({ complete: true, visits: 2, assessors: 2 });
		const pub = (await loadPublicResults(t.db, 'P1', null, LATEST))!;
		expect(pub.revised).toMatchObject({
			revision: 2,
			reason: 'Koreksi: kunjungan kedua KEL-A dan nilai PKM-C'
		});
		expect(pub.revised!.changes.map((c) => c.code).sort()).toEqual([...pending.keys()].sort());
		const page = (await loadPublicationPage(t.db, 'P1'))!;
		expect(page.revisions[0].changes.find((c) => c.code === 'KEL-A')!.text).toBe(pending.get('KEL-A'));
		expect(page.revisions[1].changes).toEqual([]);
		// The correction is closed by the revision; the sheets are locked again.
		const closed = await loadCorrectionPanel(t.db, (await findPeriodByCode(t.db, 'P1'))!);
		expect(closed).toMatchObject({ open: null, canOpen: true });
		expect(closed.history).toMatchObject([
			{ outcome: 'published', reason: 'Kunjungan kedua KEL-A tertinggal' }
		]);
		expect((await importScores(t, lowerPkmC(), true)).ok).toBe(false);
		const actions = await t.db.selectFrom('audit_log').select('action').orderBy('id').execute();
		expect(
			actions.map((a) => a.action).filter((a) => a.startsWith('correction') || a.startsWith('period.publish'))
		).toEqual(['period.publish', 'correction.open', 'period.publish_revision']);
	});

	it('abandoning a correction restores every sheet, team and visit as published', async () => {
		const ex = await exampleWithAdmin();
		t = ex.t;
		const first = await publishExample(t, ex.adminId);
		const before = await sheetState();
		await openCorrection(
			t.db,
			{ periodCode: 'P1', userId: ex.adminId, reason: 'Periksa keberatan unit' },
			LATER
		);
		expect((await importScores(t, missingVisit())).ok).toBe(true);
		expect((await importScores(t, lowerPkmC(), true)).ok).toBe(true);
		const sheet = await sheetOf(t, 'PKM-B', 2);
		expect(
			await reopenSheet(
				t.db,
				{ sheetId: sheet.id, visitId: sheet.visit_id, reason: 'Dibuka ulang', adminId: ex.adminId },
				LATER
			)
		).toEqual({ ok: true });
		expect(await sheetState()).not.toEqual(before);

		expect(
			await abandonCorrection(t.db, { periodCode: 'P1', userId: ex.adminId, reason: 'x' }, LATER)
		).toMatchObject({
			ok: false,
			status: 400
		});
		expect(
			await abandonCorrection(
				t.db,
				{ periodCode: 'P1', userId: ex.adminId, reason: 'Keberatan ditolak' },
				LATER
			)
		).toEqual({ ok: true, value: { periodCode: 'P1', revision: 1 } });
		expect(await sheetState()).toEqual(before);
		// Recomputing from the restored sheets gives the published numbers again.
		const panel = await loadCorrectionPanel(t.db, (await findPeriodByCode(t.db, 'P1'))!);
		expect(panel).toMatchObject({ open: null, canOpen: true, pending: [] });
		expect(panel.history).toMatchObject([{ outcome: 'abandoned', closeReason: 'Keberatan ditolak' }]);
		expect((await loadResultsJson(t.db, 'P1', LATER))!.json).toBe(first.snapshot);
		expect(
			await abandonCorrection(
				t.db,
				{ periodCode: 'P1', userId: ex.adminId, reason: 'Keberatan ditolak' },
				LATER
			)
		).toMatchObject({
			ok: false,
			status: 409
		});
	});

	it('opens corrections only on published periods', async () => {
		const ex = await exampleWithAdmin();
		t = ex.t;
		expect(
			await openCorrection(t.db, { periodCode: 'P1', userId: ex.adminId, reason: 'Terlalu dini' }, NOW)
		).toMatchObject({
			ok: false,
			status: 409
		});
		expect(
			await openCorrection(t.db, { periodCode: 'NOPE', userId: ex.adminId, reason: 'Tidak ada' }, NOW)
		).toMatchObject({
			ok: false,
			status: 404
		});
	});
});
