import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from './support/test-db';
import { createSheetFixture, fullValues, type SheetFixture } from './support/sheet-fixture';
import { saveSheetDraft, submitSheet } from '../../src/lib/server/sheets/score-sheet.service';
import { reopenSheet } from '../../src/lib/server/sheets/sheet-review.service';
import { loadAssessorSheet } from '../../src/lib/server/sheets/sheet-view.service';
import { setPeriodStatus } from '../../src/lib/server/periods/period.repository';
import { sheetAspectSums } from '../../src/lib/domain/scoring';

let t: TestDb;
let f: SheetFixture;
const now = new Date('2026-10-01T03:00:00Z');

beforeEach(async () => {
	t = await createTestDb();
	f = await createSheetFixture(t.db, now);
});
afterEach(() => t.cleanup());

const audit = () => t.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
const cacheRow = () =>
	t.db
		.insertInto('period_result_cache')
		.values({ period_id: f.periodId, computed_at: 1, json: '{}' })
		.execute();
const cacheCount = async () => (await t.db.selectFrom('period_result_cache').selectAll().execute()).length;

describe('saving a draft', () => {
	it('creates the sheet on first save, writes only the changes and audits old and new values', async () => {
		const r1 = await saveSheetDraft(
			t.db,
			{ visitId: f.visitId, userId: f.ani, baseVersion: 1, values: { '1.a.K1': { score: 3, note: '' } } },
			now
		);
		expect(r1).toMatchObject({ ok: true, value: { version: 2, changed: 1 } });
		const r2 = await saveSheetDraft(
			t.db,
			{
				visitId: f.visitId,
				userId: f.ani,
				baseVersion: 2,
				values: { '1.a.K1': { score: 4, note: 'ada papan' } }
			},
			now
		);
		expect(r2).toMatchObject({ ok: true, value: { version: 3, changed: 1 } });
		const rows = (await audit()).filter((a) => a.action === 'score_change');
		expect(rows).toHaveLength(2);
		expect(rows[1].user_id).toBe(f.ani);
		expect(rows[1].at).toBe(now.getTime());
		expect(JSON.parse(rows[1].detail)).toMatchObject({
			indicator: '1.a.K1',
			old: { score: 3, note: '' },
			new: { score: 4, note: 'ada papan' }
		});
		const same = await saveSheetDraft(
			t.db,
			{
				visitId: f.visitId,
				userId: f.ani,
				baseVersion: 3,
				values: { '1.a.K1': { score: 4, note: 'ada papan' } }
			},
			now
		);
		expect(same).toMatchObject({ ok: true, value: { version: 3, changed: 0 } });
	});

	it('refuses a stale save from a second tab with what differs, and overwrites nothing', async () => {
		await saveSheetDraft(
			t.db,
			{ visitId: f.visitId, userId: f.ani, baseVersion: 1, values: { '1.a.K1': { score: 2, note: '' } } },
			now
		);
		const stale = await saveSheetDraft(
			t.db,
			{
				visitId: f.visitId,
				userId: f.ani,
				baseVersion: 1,
				values: { '1.a.K1': { score: 5, note: 'tab lama' } }
			},
			now
		);
		expect(stale).toMatchObject({ ok: false, status: 409, kind: 'stale', version: 2 });
		if (stale.ok || stale.status !== 409 || stale.kind !== 'stale') return;
		expect(stale.differences).toEqual([
			{ code: '1.a.K1', before: { score: 2, note: '' }, after: { score: 5, note: 'tab lama' } }
		]);
		const view = await loadAssessorSheet(t.db, f.visitId, f.ani);
		expect(view!.values['1.a.K1']).toEqual({ score: 2, note: '' });
	});

	it('answers a save from an old version that changes nothing with the stored version, not a conflict', async () => {
		const first = { '1.a.K1': { score: 2, note: 'sama' } };
		await saveSheetDraft(t.db, { visitId: f.visitId, userId: f.ani, baseVersion: 1, values: first }, now);
		const again = await saveSheetDraft(
			t.db,
			{ visitId: f.visitId, userId: f.ani, baseVersion: 1, values: first },
			now
		);
		expect(again).toMatchObject({ ok: true, value: { version: 2, changed: 0 } });
		expect((await loadAssessorSheet(t.db, f.visitId, f.ani))!.version).toBe(2);
	});

	it('refuses unknown indicators and scores outside 0..5 without writing anything', async () => {
		const r = await saveSheetDraft(
			t.db,
			{
				visitId: f.visitId,
				userId: f.ani,
				baseVersion: 1,
				values: { 'X.9': { score: 3, note: '' }, '1.a.K1': { score: 7, note: '' } }
			},
			now
		);
		expect(r).toMatchObject({ ok: false, status: 400 });
		expect(await t.db.selectFrom('score_sheet').selectAll().execute()).toHaveLength(0);
	});
});

describe('submitting', () => {
	it('lists every missing score and every 0 or 5 without a note, and keeps the draft', async () => {
		const values = fullValues(f.def, 3);
		delete values['1.a.K1'];
		values['1.a.K2'] = { score: 5, note: '' };
		const r = await submitSheet(t.db, { visitId: f.visitId, userId: f.ani, baseVersion: 1, values }, now);
		expect(r).toMatchObject({ ok: false, status: 400, kind: 'incomplete' });
		if (r.ok || r.kind !== 'incomplete') return;
		expect(r.missing.map((p) => p.code)).toEqual(['1.a.K1', '1.a.K2']);
		const view = await loadAssessorSheet(t.db, f.visitId, f.ani);
		expect(view!.status).toBe('draft');
		expect(view!.values['1.a.K3'].score).toBe(3);
	});

	it('locks the sheet, stores its aspect sums and drops the period results cache', async () => {
		await cacheRow();
		const values = fullValues(f.def, 4);
		const r = await submitSheet(t.db, { visitId: f.visitId, userId: f.ani, baseVersion: 1, values }, now);
		expect(r.ok).toBe(true);
		expect(await cacheCount()).toBe(0);
		const sums = await t.db
			.selectFrom('sheet_aspect_sum')
			.innerJoin('aspect', 'aspect.id', 'sheet_aspect_sum.aspect_id')
			.select(['aspect.code', 'weighted_sum'])
			.execute();
		const expected = sheetAspectSums(
			f.def,
			Object.fromEntries(Object.entries(values).map(([c, e]) => [c, e.score!]))
		);
		expect(Object.fromEntries(sums.map((s) => [s.code, s.weighted_sum]))).toEqual(expected);
		const view = await loadAssessorSheet(t.db, f.visitId, f.ani);
		expect(view).toMatchObject({ status: 'submitted', editable: false });
		const later = await saveSheetDraft(
			t.db,
			{ visitId: f.visitId, userId: f.ani, baseVersion: view!.version, values: fullValues(f.def, 1) },
			now
		);
		expect(later).toMatchObject({ ok: false, status: 409, kind: 'locked' });
		expect((await audit()).some((a) => a.action === 'submit')).toBe(true);
	});

	it('lets an administrator reopen a submitted sheet with a reason, removing it from the results', async () => {
		await submitSheet(
			t.db,
			{ visitId: f.visitId, userId: f.ani, baseVersion: 1, values: fullValues(f.def, 4) },
			now
		);
		await cacheRow();
		const sheet = await t.db.selectFrom('score_sheet').selectAll().executeTakeFirstOrThrow();
		expect(
			await reopenSheet(t.db, { sheetId: sheet.id, visitId: f.visitId, reason: '', adminId: f.admin }, now)
		).toMatchObject({ ok: false, status: 400 });
		const r = await reopenSheet(
			t.db,
			{ sheetId: sheet.id, visitId: f.visitId, reason: 'Foto bukti tertukar', adminId: f.admin },
			now
		);
		expect(r.ok).toBe(true);
		expect(await t.db.selectFrom('sheet_aspect_sum').selectAll().execute()).toHaveLength(0);
		expect(await cacheCount()).toBe(0);
		const entry = (await audit()).find((a) => a.action === 'reopen')!;
		expect(entry.user_id).toBe(f.admin);
		expect(JSON.parse(entry.detail).reason).toBe('Foto bukti tertukar');
		const view = await loadAssessorSheet(t.db, f.visitId, f.ani);
		expect(view).toMatchObject({ status: 'draft', editable: true });
	});

	it('freezes sheets once the period is published', async () => {
		await setPeriodStatus(t.db, f.periodId, 'published', now);
		const r = await saveSheetDraft(
			t.db,
			{ visitId: f.visitId, userId: f.ani, baseVersion: 1, values: { '1.a.K1': { score: 3, note: '' } } },
			now
		);
		expect(r).toMatchObject({ ok: false, status: 409, kind: 'locked' });
		expect((await loadAssessorSheet(t.db, f.visitId, f.ani))!.editable).toBe(false);
	});

	it('treats weight-0 indicators of 29/2022 as optional', async () => {
		const { findInstrumentByCode } = await import('../../src/lib/server/periods/instrument.repository');
		const pek = (await findInstrumentByCode(t.db, 'pekppp-29-2022'))!;
		await t.db.updateTable('period').set({ instrument_id: pek.id }).execute();
		const values = fullValues(pek.def, 3);
		delete values['INF.01'];
		expect(pek.def.aspects.some((a) => a.indicators.some((i) => i.code === 'INF.01'))).toBe(true);
		const r = await submitSheet(t.db, { visitId: f.visitId, userId: f.ani, baseVersion: 1, values }, now);
		expect(r.ok).toBe(true);
	});
});
