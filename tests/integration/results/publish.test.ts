import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../support/test-db';
import { loadResults, loadResultsJson } from '../../../src/lib/server/results/results.service';
import { publishPeriod } from '../../../src/lib/server/publication/publication.service';
import { reviewPeriodScores } from '../../../src/lib/server/review/score-review.service';
import { findPeriodByCode } from '../../../src/lib/server/periods/period.repository';
import {
	claimCachedResults,
	findCachedResults,
	invalidatePeriodResults,
	storeCachedResults
} from '../../../src/lib/server/results/result-cache.repository';
import { dbWithPeriod, EXAMPLES, importScores, NOW, readStoredVisitTotals, removeTempFiles } from './support';
import { refreshVisitTotals } from '../../../src/lib/server/sheets/visit-total.repository';
afterAll(removeTempFiles);

let t: TestDb;
afterEach(async () => t?.cleanup());

async function example() {
	t = await dbWithPeriod(join(EXAMPLES, 'units.csv'), 'permenpan-17-2017');
	const r = await importScores(t, join(EXAMPLES, 'scores.csv'));
	if (!r.ok) throw new Error(r.problems.join('\n'));
}

const cacheRows = async () => (await t.db.selectFrom('period_result_cache').selectAll().execute()).length;

describe('results cache', () => {
	it('stores the serialised results and drops them when an import changes the period', async () => {
		await example();
		expect(await cacheRows()).toBe(0);
		const first = await loadResultsJson(t.db, 'P1', NOW);
		expect(await cacheRows()).toBe(1);
		expect((await loadResultsJson(t.db, 'P1', NOW))!.json).toBe(first!.json);
		// KEL-A gets its second visit: the import must invalidate the cached results.
		const rows = ['unit_code,visit_no,assessor_email,indicator_code,score,note'];
		const scores = await t.db
			.selectFrom('score')
			.innerJoin('indicator', 'indicator.id', 'score.indicator_id')
			.select('indicator.code')
			.distinct()
			.execute();
		for (const { code } of scores) rows.push(`KEL-A,2,budi@univ-b.ac.id,${code},3,`);
		const { tempFile } = await import('./support');
		expect((await importScores(t, tempFile('k.csv', rows.join('\n')))).ok).toBe(true);
		expect(await cacheRows()).toBe(0);
		const after = (await loadResults(t.db, 'P1', NOW))!.doc;
		const kelA = after.categories.find((c) => c.name === 'Kelurahan')!.units.find((u) => u.code === 'KEL-A')!;
		expect(kelA.complete).toBe(true);
		expect(kelA.rank).toBe(1);
	});

	it('keeps no results computed before an invalidation that came while they were computed', async () => {
		await example();
		const period = (await findPeriodByCode(t.db, 'P1'))!;
		// Another request (or app process) claims the row and reads the period; a sheet is then
		// submitted, which deletes the row, before that computation stores what it read.
		await claimCachedResults(t.db, period.id, 'first', NOW);
		expect(await findCachedResults(t.db, period.id)).toBeNull();
		await invalidatePeriodResults(t.db, period.id);
		expect(await storeCachedResults(t.db, period.id, 'first', '{"stale":true}', NOW)).toBe(false);
		expect(await cacheRows()).toBe(0);
		// Of two computations at once, the later claim is the one kept.
		await claimCachedResults(t.db, period.id, 'second', NOW);
		await claimCachedResults(t.db, period.id, 'third', NOW);
		expect(await storeCachedResults(t.db, period.id, 'second', '{"n":2}', NOW)).toBe(false);
		expect(await storeCachedResults(t.db, period.id, 'third', '{"n":3}', NOW)).toBe(true);
		expect(await findCachedResults(t.db, period.id)).toBe('{"n":3}');
		await invalidatePeriodResults(t.db, period.id);
		const fresh = (await loadResultsJson(t.db, 'P1', NOW))!.json;
		expect(await findCachedResults(t.db, period.id)).toBe(fresh);
	});

	it('leaves follow-up visits out of the IPP', async () => {
		await example();
		const before = (await loadResultsJson(t.db, 'P1', NOW))!.json;
		const period = (await findPeriodByCode(t.db, 'P1'))!;
		const unit = await t.db
			.selectFrom('unit')
			.select('id')
			.where('code', '=', 'PKM-C')
			.executeTakeFirstOrThrow();
		const sheet = await t.db
			.selectFrom('score_sheet')
			.innerJoin('visit', 'visit.id', 'score_sheet.visit_id')
			.select(['score_sheet.id', 'score_sheet.assessor_id'])
			.where('visit.unit_id', '=', unit.id)
			.executeTakeFirstOrThrow();
		const visit = await t.db
			.insertInto('visit')
			.values({ period_id: period.id, unit_id: unit.id, visit_no: 1, kind: 'follow_up', created_at: 0 })
			.returning('id')
			.executeTakeFirstOrThrow();
		const copy = await t.db
			.insertInto('score_sheet')
			.values({
				visit_id: visit.id,
				assessor_id: sheet.assessor_id,
				status: 'submitted',
				created_at: 0,
				updated_at: 0,
				submitted_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const sums = await t.db
			.selectFrom('sheet_aspect_sum')
			.selectAll()
			.where('sheet_id', '=', sheet.id)
			.execute();
		await t.db
			.insertInto('sheet_aspect_sum')
			.values(sums.map((s) => ({ ...s, sheet_id: copy.id, weighted_sum: 0 })))
			.execute();
		// Refreshed as after every change to a sheet: the unit's totals keep its regular visits only.
		const totalsBefore = await readStoredVisitTotals(t.db);
		await refreshVisitTotals(t.db, [visit.id]);
		expect(await readStoredVisitTotals(t.db)).toEqual(totalsBefore);
		await invalidatePeriodResults(t.db, period.id);
		expect((await loadResultsJson(t.db, 'P1', NOW))!.json).toBe(before);
	});
});

describe('publishing', () => {
	it('refuses while disagreement flags are open, listing them; publishes with a confirmed reason', async () => {
		await example();
		const review = await reviewPeriodScores(t.db, (await findPeriodByCode(t.db, 'P1'))!);
		// PKM-C: citra gave Inovasi 0 where the others gave 3 or 4.
		expect(review.openFlags.length).toBeGreaterThan(0);
		expect(review.openFlags.every((f) => f.unitCode === 'PKM-C' && f.indicatorCode === '6')).toBe(true);
		const refused = await publishPeriod(
			t.db,
			{ periodCode: 'P1', userId: null, confirmOpenFlags: false, reason: null },
			NOW
		);
		expect(refused).toMatchObject({ ok: false, status: 409 });
		const listed = !refused.ok && refused.preflight!.find((f) => f.class === 'flags')!.items;
		expect(listed).toHaveLength(review.openFlags.length);
		expect((listed || []).every((i) => /PKM-C/.test(i.detail))).toBe(true);
		const noReason = await publishPeriod(
			t.db,
			{ periodCode: 'P1', userId: null, confirm: ['incomplete'], confirmOpenFlags: true, reason: ' ' },
			NOW
		);
		expect(noReason).toMatchObject({ ok: false, status: 400 });
		expect((await findPeriodByCode(t.db, 'P1'))!.status).toBe('running');

		const ok = await publishPeriod(
			t.db,
			{ periodCode: 'P1', userId: null, confirm: ['incomplete'], confirmOpenFlags: true, reason: 'Dibahas' },
			NOW
		);
		expect(ok).toMatchObject({
			ok: true,
			value: { revision: 1, openFlagsConfirmed: review.openFlags.length }
		});
		const pub = await t.db.selectFrom('publication').selectAll().executeTakeFirstOrThrow();
		expect(pub).toMatchObject({ revision: 1, reason: 'Dibahas', open_flags_confirmed: 1 });
		expect(JSON.parse(pub.snapshot).period.status).toBe('published');
		const audit = await t.db
			.selectFrom('audit_log')
			.select('action')
			.where('action', '=', 'period.publish')
			.execute();
		expect(audit).toHaveLength(1);
		const again = await publishPeriod(
			t.db,
			{ periodCode: 'P1', userId: null, confirm: ['incomplete'], confirmOpenFlags: true, reason: 'x' },
			NOW
		);
		expect(again).toMatchObject({ ok: false, status: 409 });
	});

	it('publishes without confirmation once every flag is resolved', async () => {
		await example();
		const period = (await findPeriodByCode(t.db, 'P1'))!;
		const admin = await t.db
			.insertInto('user')
			.values({
				email: 'a@kota.go.id',
				name: 'Admin',
				role: 'admin',
				password_hash: null,
				created_at: 0,
				updated_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		for (const f of (await reviewPeriodScores(t.db, period)).openFlags) {
			const unit = await t.db
				.selectFrom('unit')
				.select('id')
				.where('code', '=', f.unitCode)
				.executeTakeFirstOrThrow();
			const ind = await t.db
				.selectFrom('indicator')
				.select('id')
				.where('code', '=', f.indicatorCode)
				.where('instrument_id', '=', period.instrumentId)
				.executeTakeFirstOrThrow();
			await t.db
				.insertInto('disagreement_resolution')
				.values({
					period_id: period.id,
					unit_id: unit.id,
					indicator_id: ind.id,
					action: 'note',
					note: 'ok',
					resolved_by: admin.id,
					resolved_at: 0
				})
				.execute();
		}
		const ok = await publishPeriod(
			t.db,
			{
				periodCode: 'P1',
				userId: admin.id,
				confirm: ['incomplete'],
				confirmOpenFlags: false,
				reason: 'KEL-A belum lengkap'
			},
			NOW
		);
		expect(ok).toMatchObject({ ok: true, value: { openFlagsConfirmed: 0 } });
		expect(
			(await t.db.selectFrom('publication').select('open_flags_confirmed').executeTakeFirstOrThrow())
				.open_flags_confirmed
		).toBe(0);
	});

	it('serves the frozen snapshot after publication, whatever happens to the scores later', async () => {
		await example();
		const ok = await publishPeriod(
			t.db,
			{ periodCode: 'P1', userId: null, confirm: ['incomplete'], confirmOpenFlags: true, reason: 'x' },
			NOW
		);
		if (!ok.ok) throw new Error(ok.message);
		// A later change to a submitted sheet (e.g. an administrator's correction after publication).
		await t.db.updateTable('sheet_aspect_sum').set({ weighted_sum: 0 }).execute();
		await invalidatePeriodResults(t.db, ok.value.periodId);
		expect((await loadResultsJson(t.db, 'P1', NOW))!.json).toBe(ok.value.snapshot);
		// Archived: same numbers, the header says archived.
		await t.db.updateTable('period').set({ status: 'archived' }).execute();
		const archived = (await loadResults(t.db, 'P1', NOW))!.doc;
		expect(archived.period.status).toBe('archived');
		expect(archived.categories).toEqual(JSON.parse(ok.value.snapshot).categories);
	});
});
