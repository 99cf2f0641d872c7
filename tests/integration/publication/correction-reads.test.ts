import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../support/test-db';
import { importScores, removeTempFiles } from '../results/support';
import { exampleWithAdmin, lowerPkmC, NOW, publishExample, publishExampleRevision, sheetOf } from './support';
import { openCorrection } from '../../../src/lib/server/corrections/correction.service';
import { reopenSheet } from '../../../src/lib/server/sheets/sheet-review.service';
import { loadReportCard } from '../../../src/lib/server/report-cards/report-card.service';
import { findReportUnitByCode } from '../../../src/lib/server/report-cards/report-card.repository';
import { findPeriodByCode } from '../../../src/lib/server/periods/period.repository';
import { loadLiveResults } from '../../../src/lib/server/results/live-results.service';
import { loadOfflineBundle } from '../../../src/lib/server/offline/offline-bundle.service';

// docs/rules.md §8.3 from the readers' side: while a correction is open, the report card keeps
// the published revision, and the assessor whose sheet was reopened can prepare it for offline.
let t: TestDb;
afterEach(async () => t?.cleanup());
afterAll(removeTempFiles);

const LATER = new Date(NOW.getTime() + 86_400_000 * 10);
const LATEST = new Date(NOW.getTime() + 86_400_000 * 20);

async function reportCard(unitCode: string) {
	const unit = (await findReportUnitByCode(t.db, unitCode))!;
	const period = (await findPeriodByCode(t.db, 'P1'))!;
	return loadReportCard(t.db, unit, period, (p) => loadLiveResults(t.db, p), '2026-12-20');
}

async function openAndReopen(adminId: number, unit: string, visitNo: number) {
	const opened = await openCorrection(
		t.db,
		{ periodCode: 'P1', userId: adminId, reason: 'Salah ketik' },
		LATER
	);
	expect(opened).toMatchObject({ ok: true });
	const sheet = await sheetOf(t, unit, visitNo);
	const reopened = await reopenSheet(
		t.db,
		{ sheetId: sheet.id, visitId: sheet.visit_id, reason: 'Salah ketik nilai', adminId },
		LATER
	);
	expect(reopened).toEqual({ ok: true });
	return sheet;
}

describe('readers inside an open correction (docs/rules.md §8.3)', () => {
	it('keeps the published indicator table, notes and evidence on the report card until the revision is published', async () => {
		const ex = await exampleWithAdmin();
		t = ex.t;
		await publishExample(t, ex.adminId);
		const publishedC = await reportCard('PKM-C');
		const publishedA = await reportCard('PKM-A');
		expect(publishedA.visitNos).toEqual([1, 2]);

		await openAndReopen(ex.adminId, 'PKM-A', 1);
		expect(await importScores(t, lowerPkmC(), true)).toMatchObject({ ok: true, value: { replaced: 1 } });

		const duringC = await reportCard('PKM-C');
		const duringA = await reportCard('PKM-A');
		for (const [during, published] of [
			[duringC, publishedC],
			[duringA, publishedA]
		]) {
			expect(during.visitNos).toEqual(published.visitNos);
			expect(during.indicators).toEqual(published.indicators);
			expect(during.gains).toEqual(published.gains);
			expect(during.result).toEqual(published.result);
		}

		const revised = await publishExampleRevision(t, ex.adminId, 'Koreksi nilai PKM-C', LATEST);
		expect(revised).toMatchObject({ ok: true, value: { revision: 2 } });
		const afterC = await reportCard('PKM-C');
		expect(afterC.period.revision).toMatchObject({ number: 2, reason: 'Koreksi nilai PKM-C' });
		// Revision 1 was read (and kept parsed) on this same connection: the card, its rank tile
		// and its trend now read revision 2, all three.
		expect(duringC.result!.ipp).toBe(publishedC.result!.ipp);
		expect(afterC.result!.ipp).toBeLessThan(publishedC.result!.ipp!);
		expect(afterC.trend.map((p) => p.ipp)).toEqual([afterC.result!.ipp]);
		expect(publishedC.trend.map((p) => p.ipp)).toEqual([publishedC.result!.ipp]);
		const visitOne = afterC.indicators.filter((r) => r.visitScores[0] !== null).map((r) => r.visitScores[0]);
		expect(visitOne.length).toBeGreaterThan(0);
		expect(new Set(visitOne)).toEqual(new Set([1]));
		// PKM-A's reopened first visit is a draft in revision 2: only the second visit is left.
		expect((await reportCard('PKM-A')).visitNos).toEqual([2]);
	});

	it("hands a sheet reopened inside a correction to its assessor's offline bundle, and nothing else of the period", async () => {
		const ex = await exampleWithAdmin();
		t = ex.t;
		await publishExample(t, ex.adminId);
		const ani = await t.db
			.selectFrom('user')
			.select('id')
			.where('email', '=', 'ani@univ-a.ac.id')
			.executeTakeFirstOrThrow();
		expect((await loadOfflineBundle(t.db, ani.id, LATER)).sheets).toEqual([]);

		const sheet = await openAndReopen(ex.adminId, 'PKM-A', 1);
		const bundle = await loadOfflineBundle(t.db, ani.id, LATER);
		expect(bundle.sheets.map((s) => s.visit.id)).toEqual([sheet.visit_id]);
		expect(bundle.sheets[0]).toMatchObject({ editable: true, status: 'draft' });
		expect(bundle.sheets[0].aspects.flatMap((a) => a.indicators)).toHaveLength(37);
	});
});
