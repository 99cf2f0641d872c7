import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../support/test-db';
import { EXAMPLES, NOW, importScores, removeTempFiles } from './support';
import { exampleWithAdmin } from '../publication/support';
import { insertConflict } from '../../../src/lib/server/accounts/assessor.repository';
import { loadResultsJson } from '../../../src/lib/server/results/results.service';
import { loadVisitForAdmin, reopenSheet } from '../../../src/lib/server/sheets/sheet-review.service';
import { removeSheetFromVisit } from '../../../src/lib/server/sheets/sheet-removal.service';
afterAll(removeTempFiles);

// docs/rules.md §8.5: a declared conflict of interest holds on every path, and a sheet can be taken off.

let t: TestDb;
let adminId: number;
beforeEach(async () => ({ t, adminId } = await exampleWithAdmin()));
afterEach(() => t.cleanup());

async function ids() {
	const unit = await t.db
		.selectFrom('unit')
		.select('id')
		.where('code', '=', 'PKM-A')
		.executeTakeFirstOrThrow();
	const ani = await t.db
		.selectFrom('user')
		.select('id')
		.where('email', '=', 'ani@univ-a.ac.id')
		.executeTakeFirstOrThrow();
	const sheet = await t.db
		.selectFrom('score_sheet')
		.innerJoin('visit', 'visit.id', 'score_sheet.visit_id')
		.select(['score_sheet.id', 'visit.id as visitId'])
		.where('visit.unit_id', '=', unit.id)
		.where('score_sheet.assessor_id', '=', ani.id)
		.executeTakeFirstOrThrow();
	return { unitId: unit.id, ani: ani.id, admin: adminId, sheetId: sheet.id, visitId: sheet.visitId };
}

async function unitJson(code: string) {
	const found = await loadResultsJson(t.db, 'P1', NOW);
	const doc = JSON.parse(found!.json) as {
		categories: {
			units: { code: string; name: string; complete: boolean; visits: number; assessors: number }[];
		}[];
	};
	return doc.categories.flatMap((c) => c.units).find((u) => u.code === code)!;
}

describe('conflicts of interest on every path', () => {
	it('refuses an import that puts a conflicted assessor on the unit, naming line, assessor, unit and conflict', async () => {
		const { unitId, ani } = await ids();
		await insertConflict(t.db, ani, unitId, 'istri bekerja di puskesmas ini');
		const before = await t.db
			.selectFrom('score')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		const r = await importScores(t, join(EXAMPLES, 'scores.csv'), true);
		expect(r.ok).toBe(false);
		expect(r.ok ? [] : r.problems).toContain(
			'baris 2: penilai ani@univ-a.ac.id menyatakan konflik kepentingan dengan unit PKM-A (istri bekerja di puskesmas ini); lembarnya tidak boleh diimpor'
		);
		const after = await t.db
			.selectFrom('score')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(after.n).toBe(before.n);
	});

	it('refuses to reopen a conflicted assessor’s sheet and shows the conflict to the administrator', async () => {
		const { unitId, ani, admin, sheetId, visitId } = await ids();
		await insertConflict(t.db, ani, unitId, null);
		const r = await reopenSheet(t.db, { sheetId, visitId, reason: 'Salah ketik nilai', adminId: admin }, NOW);
		expect(r).toMatchObject({ ok: false, status: 409 });
		expect(r.ok ? '' : r.message).toContain('Konflik kepentingan');
		const view = await loadVisitForAdmin(t.db, visitId);
		expect(view!.sheets.find((s) => s.sheetId === sheetId)?.conflict).toEqual({ reason: null });
		const sheet = await t.db
			.selectFrom('score_sheet')
			.select('status')
			.where('id', '=', sheetId)
			.executeTakeFirstOrThrow();
		expect(sheet.status).toBe('submitted');
	});

	it('removes a sheet from its visit with a reason and an audit entry, and the results follow', async () => {
		const { unitId, ani, admin, sheetId, visitId } = await ids();
		await insertConflict(t.db, ani, unitId, 'alumni');
		expect(await unitJson('PKM-A')).toMatchObject({ complete: true, visits: 2 });
		expect(
			await removeSheetFromVisit(t.db, { sheetId, visitId, reason: 'kurang', adminId: admin }, NOW)
		).toMatchObject({ ok: true });
		expect(
			await removeSheetFromVisit(t.db, { sheetId, visitId, reason: 'lagi', adminId: admin }, NOW)
		).toMatchObject({ ok: false, status: 400 });
		expect(
			await t.db.selectFrom('score_sheet').select('id').where('id', '=', sheetId).executeTakeFirst()
		).toBeUndefined();
		expect(
			await t.db.selectFrom('score').select('sheet_id').where('sheet_id', '=', sheetId).executeTakeFirst()
		).toBeUndefined();
		const team = await t.db
			.selectFrom('visit_assessor')
			.select('user_id')
			.where('visit_id', '=', visitId)
			.execute();
		expect(team.map((r) => r.user_id)).not.toContain(ani);
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['action', 'detail'])
			.where('action', '=', 'remove_sheet')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(audit.detail!)).toMatchObject({ reason: 'kurang', unit: 'PKM-A', conflict: 'alumni' });
		// one of its two visits lost its only sheet: the unit drops out of the ranking
		expect(await unitJson('PKM-A')).toMatchObject({ complete: false, visits: 1 });
		expect(
			await removeSheetFromVisit(t.db, { sheetId, visitId, reason: 'sekali lagi', adminId: admin }, NOW)
		).toMatchObject({ ok: false, status: 404 });
	});
});
