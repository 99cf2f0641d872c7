import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../support/test-db';
import { createTestDb } from '../support/test-db';
import { importScores, readStoredVisitTotals, removeTempFiles } from './support';
import {
	exampleWithAdmin,
	lowerPkmC,
	missingVisit,
	NOW,
	publishExample,
	sheetOf
} from '../publication/support';
import { createSheetFixture, fullValues } from '../support/sheet-fixture';
import { submitSheet } from '../../../src/lib/server/sheets/score-sheet.service';
import { reopenSheet } from '../../../src/lib/server/sheets/sheet-review.service';
import { removeSheetFromVisit } from '../../../src/lib/server/sheets/sheet-removal.service';
import { abandonCorrection, openCorrection } from '../../../src/lib/server/corrections/correction.service';
import { computeResultsDocument } from '../../../src/lib/server/results/results.service';
import { findPeriodByCode } from '../../../src/lib/server/periods/period.repository';
import { findInstrumentById } from '../../../src/lib/server/periods/instrument.repository';
import { computePeriodResults, visitTotalsOfSheets } from '../../../src/lib/domain/scoring';
import type { SheetAspectSums } from '../../../src/lib/domain/scoring';
import { expectReviewFromSheets, storedReviewFigures } from '../publication/review-support';

// The stored per-visit totals (table unit_visit_total) must always equal the totals of the visit's
// submitted sheets, whatever path changed a sheet; results read only the totals. The same paths
// keep each unit's review figure (table unit_review_figure), which the review reads instead of
// every score.

let t: TestDb;
afterEach(async () => t?.cleanup());
afterAll(removeTempFiles);

/** Submitted sheets of regular visits with their sums, straight from the tables, in sheet id order. */
async function submittedSheets() {
	const rows = await t.db
		.selectFrom('score_sheet as s')
		.innerJoin('visit as v', 'v.id', 's.visit_id')
		.innerJoin('sheet_aspect_sum as a', 'a.sheet_id', 's.id')
		.select(['s.visit_id', 's.id', 's.assessor_id', 'v.visit_no', 'a.aspect_id', 'a.weighted_sum'])
		.where('s.status', '=', 'submitted')
		.where('v.kind', '=', 'regular')
		.orderBy('s.id')
		.orderBy('a.aspect_id')
		.execute();
	const sheets = new Map<number, SheetAspectSums & { visitId: number }>();
	for (const r of rows) {
		let sheet = sheets.get(r.id);
		if (!sheet)
			sheets.set(
				r.id,
				(sheet = { visitId: r.visit_id, visitNo: r.visit_no, assessorId: r.assessor_id, aspectSums: {} })
			);
		(sheet.aspectSums as Record<string, number>)[String(r.aspect_id)] = r.weighted_sum;
	}
	return [...sheets.values()];
}

async function expectTotalsOfSubmittedSheets(): Promise<number> {
	const byVisit = new Map<number, SheetAspectSums[]>();
	for (const s of await submittedSheets()) byVisit.set(s.visitId, [...(byVisit.get(s.visitId) ?? []), s]);
	const expected = [...byVisit]
		.map(([visitId, sheets]) => {
			const [total] = visitTotalsOfSheets(sheets);
			return {
				visit_id: visitId,
				sheet_count: total.sheets,
				assessor_ids: total.assessorIds.join(','),
				aspect_sums: total.aspectSums
			};
		})
		.sort((a, b) => a.visit_id - b.visit_id);
	const stored = (await readStoredVisitTotals(t.db)).map((r) => ({
		...r,
		aspect_sums: JSON.parse(r.aspect_sums)
	}));
	expect(stored).toEqual(expected);
	return stored.length;
}

/** The results from the stored totals equal the results from the sheets themselves. */
async function expectResultsFromSheets(periodCode: string) {
	const period = (await findPeriodByCode(t.db, periodCode))!;
	const instrument = (await findInstrumentById(t.db, period.instrumentId))!;
	const fromTotals = await computeResultsDocument(t.db, period);
	const codeOf = new Map([...instrument.aspectIds].map(([code, id]) => [String(id), code]));
	const units = await t.db
		.selectFrom('period_unit as pu')
		.innerJoin('unit as u', 'u.id', 'pu.unit_id')
		.innerJoin('category as c', 'c.id', 'pu.category_id')
		.select(['u.id', 'u.code', 'u.name', 'c.name as category'])
		.where('pu.period_id', '=', period.id)
		.execute();
	const visits = await t.db
		.selectFrom('visit')
		.select(['id', 'unit_id'])
		.where('period_id', '=', period.id)
		.where('kind', '=', 'regular')
		.execute();
	const unitOf = new Map(visits.map((v) => [v.id, v.unit_id]));
	const sheets = (await submittedSheets()).filter((s) => unitOf.has(s.visitId));
	const fromSheets = computePeriodResults({
		instrument: instrument.def,
		settings: {
			requiredVisits: period.requiredVisits,
			requiredAssessors: period.requiredAssessors,
			awardsPerCategory: period.awardsPerCategory,
			awardMinGrade: null,
			minRankedForAwards: period.minRankedForAwards
		},
		units: units.map((u) => ({
			code: u.code,
			name: u.name,
			category: u.category,
			sheets: sheets
				.filter((s) => unitOf.get(s.visitId) === u.id)
				.map((s) => ({
					visitNo: s.visitNo,
					assessorId: s.assessorId,
					aspectSums: Object.fromEntries(Object.entries(s.aspectSums).map(([id, x]) => [codeOf.get(id)!, x]))
				}))
		}))
	});
	const byName = (cs: { name: string }[]) => [...cs].sort((a, b) => a.name.localeCompare(b.name));
	expect(byName(fromTotals.categories)).toEqual(byName(fromSheets.categories));
}

describe('per-visit totals of submitted sheets (docs/rules.md §4.2)', () => {
	it('follow imports, replacements, reopening, removal and an abandoned correction', async () => {
		const ex = await exampleWithAdmin();
		t = ex.t;
		expect(await expectTotalsOfSubmittedSheets()).toBeGreaterThan(0);
		await expectResultsFromSheets('P1');
		// The import leaves the review figures to the first review, which fills one row per unit.
		expect(await storedReviewFigures(t.db)).toEqual([]);
		expect((await expectReviewFromSheets(t.db, 'P1')).map((f) => [f.unitCode, f.indicatorCode])).toEqual([
			['PKM-C', '6']
		]);
		expect(await storedReviewFigures(t.db)).toHaveLength(5);

		await publishExample(t, ex.adminId);
		const LATER = new Date(NOW.getTime() + 86_400_000 * 10);
		const before = await readStoredVisitTotals(t.db);
		const reviewedBefore = await storedReviewFigures(t.db);
		expect(
			await openCorrection(
				t.db,
				{ periodCode: 'P1', userId: ex.adminId, reason: 'Kunjungan tertinggal' },
				LATER
			)
		).toMatchObject({ ok: true });
		// A new visit with a sheet, a replaced sheet in an existing visit, a reopened sheet.
		expect(await importScores(t, missingVisit())).toMatchObject({ ok: true, value: { sheets: 1 } });
		await expectTotalsOfSubmittedSheets();
		await expectReviewFromSheets(t.db, 'P1');
		// PKM-C's first sheet rescored with ones: other indicators of PKM-C disagree now.
		expect(await importScores(t, lowerPkmC(), true)).toMatchObject({ ok: true, value: { replaced: 1 } });
		await expectTotalsOfSubmittedSheets();
		const rescored = await expectReviewFromSheets(t.db, 'P1');
		expect(rescored.some((f) => f.unitCode === 'PKM-C' && f.indicatorCode !== '6')).toBe(true);
		const sheet = await sheetOf(t, 'PKM-A', 1);
		const reopen = {
			sheetId: sheet.id,
			visitId: sheet.visit_id,
			reason: 'Salah ketik nilai',
			adminId: ex.adminId
		};
		expect(await reopenSheet(t.db, reopen, LATER)).toEqual({ ok: true });
		await expectTotalsOfSubmittedSheets();
		await expectResultsFromSheets('P1');
		await expectReviewFromSheets(t.db, 'P1');

		// Abandoned: the sheets as published come back, and so do their totals.
		expect(
			await abandonCorrection(
				t.db,
				{ periodCode: 'P1', userId: ex.adminId, reason: 'Kunjungan sudah lengkap' },
				LATER
			)
		).toMatchObject({
			ok: true
		});
		await expectTotalsOfSubmittedSheets();
		expect(await readStoredVisitTotals(t.db)).toEqual(before);
		await expectReviewFromSheets(t.db, 'P1');
		expect(await storedReviewFigures(t.db)).toEqual(reviewedBefore);
	});

	it('follow a sheet submitted on the form and one taken off the visit', async () => {
		t = await createTestDb();
		const f = await createSheetFixture(t.db, NOW);
		for (const [userId, score] of [
			[f.ani, 3],
			[f.budi, 4]
		])
			expect(
				await submitSheet(
					t.db,
					{ visitId: f.visitId, userId, baseVersion: 1, values: fullValues(f.def, score) },
					NOW
				)
			).toMatchObject({ ok: true });
		expect(await expectTotalsOfSubmittedSheets()).toBe(1);
		// The unit's review figure is written with the sheet, before any review reads it.
		expect(await storedReviewFigures(t.db)).toHaveLength(1);
		await expectReviewFromSheets(t.db, 'P-1');
		const [total] = await readStoredVisitTotals(t.db);
		expect(total).toMatchObject({ visit_id: f.visitId, sheet_count: 2, assessor_ids: `${f.ani},${f.budi}` });
		await expectResultsFromSheets('P-1');

		const budiSheet = await t.db
			.selectFrom('score_sheet')
			.select('id')
			.where('assessor_id', '=', f.budi)
			.executeTakeFirstOrThrow();
		expect(
			await removeSheetFromVisit(
				t.db,
				{ sheetId: budiSheet.id, visitId: f.visitId, reason: 'Konflik kepentingan', adminId: f.admin },
				NOW
			)
		).toEqual({ ok: true });
		expect(await expectTotalsOfSubmittedSheets()).toBe(1);
		await expectResultsFromSheets('P-1');
		expect(await expectReviewFromSheets(t.db, 'P-1')).toEqual([]);
		expect(JSON.parse((await storedReviewFigures(t.db))[0].figure)).toEqual([null, [[f.ani, 0, 0]]]);
	});

	it('leave the database usable when a broken total stops the computation half-way', async () => {
		const ex = await exampleWithAdmin();
		t = ex.t;
		const period = (await findPeriodByCode(t.db, 'P1'))!;
		const [first] = await t.db.selectFrom('unit_visit_total').selectAll().orderBy('unit_id').execute();
		// A total that lacks the aspects: the rules refuse it while the units are still being read.
		const [visit, ...others] = JSON.parse(first.visits) as unknown[][];
		await t.db
			.updateTable('unit_visit_total')
			.set({ visits: JSON.stringify([[...visit.slice(0, 3), {}], ...others]) })
			.where('period_id', '=', first.period_id)
			.where('unit_id', '=', first.unit_id)
			.execute();
		await expect(computeResultsDocument(t.db, period)).rejects.toThrow(/jumlah aspek/);
		// The units are read as a stream on SQLite: a stream left open would make this query fail
		// with "This database connection is busy executing a query".
		expect((await findPeriodByCode(t.db, 'P1'))?.code).toBe('P1');
	});
});
