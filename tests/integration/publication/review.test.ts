import { afterEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../support/test-db';
import { resolveDisagreement } from '../../../src/lib/server/review/flag-resolution.service';
import { loadReviewPage } from '../../../src/lib/server/review/review-page.service';
import { publishPeriod } from '../../../src/lib/server/publication/publication.service';
import { exampleWithAdmin, NOW } from './support';

let t: TestDb;
afterEach(async () => t?.cleanup());

const flag = { periodCode: 'P1', unitCode: 'PKM-C', indicatorCode: '6' };
const visitsOf = async (code: string) =>
	t.db
		.selectFrom('visit')
		.innerJoin('unit', 'unit.id', 'visit.unit_id')
		.select(['visit.visit_no', 'visit.kind', 'visit.planned_on', 'visit.id'])
		.where('unit.code', '=', code)
		.orderBy('visit.visit_no')
		.execute();

describe('resolving disagreement flags', () => {
	it('shows each sheet of a flag with its score and note, and resolves it with a note', async () => {
		const ex = await exampleWithAdmin();
		t = ex.t;
		const before = (await loadReviewPage(t.db, 'P1', 'open', 1))!;
		expect(before.counts).toEqual({ all: 1, open: 1, resolved: 0 });
		const f = before.flags[0];
		expect(f).toMatchObject({ unitCode: 'PKM-C', unitName: 'Puskesmas Contoh C', indicatorCode: '6' });
		expect(f.scores.map((s) => s.score).sort()).toEqual([0, 3, 3]);
		// A 0 must carry a note (docs/rules.md §4.1): the reviewer sees it.
		expect(f.scores.find((s) => s.score === 0)!.note).toBeTruthy();

		const refused = await publishPeriod(
			t.db,
			{ periodCode: 'P1', userId: ex.adminId, confirmOpenFlags: false, reason: null },
			NOW
		);
		expect(refused).toMatchObject({ ok: false, status: 409 });

		const r = await resolveDisagreement(
			t.db,
			{ ...flag, action: 'note', note: 'Inovasi baru belum berjalan saat kunjungan 1', userId: ex.adminId },
			NOW
		);
		expect(r).toEqual({ ok: true, value: { visitNo: null } });
		const after = (await loadReviewPage(t.db, 'P1', 'resolved', 1))!;
		expect(after.counts).toEqual({ all: 1, open: 0, resolved: 1 });
		expect(after.flags[0].resolution).toMatchObject({
			action: 'note',
			by: 'Sri Admin',
			note: 'Inovasi baru belum berjalan saat kunjungan 1'
		});
		expect(after.flags[0].resolution!.at).toContain('2026');

		const again = await resolveDisagreement(
			t.db,
			{ ...flag, action: 'note', note: 'lagi', userId: ex.adminId },
			NOW
		);
		expect(again).toMatchObject({ ok: false, status: 409 });
		const ok = await publishPeriod(
			t.db,
			{
				periodCode: 'P1',
				userId: ex.adminId,
				confirm: ['incomplete'],
				confirmOpenFlags: false,
				reason: 'KEL-A belum lengkap'
			},
			NOW
		);
		expect(ok).toMatchObject({ ok: true, value: { openFlagsConfirmed: 0 } });
	});

	it('orders an extra visit as the unit’s next visit number, with no assessor yet', async () => {
		const ex = await exampleWithAdmin();
		t = ex.t;
		expect((await visitsOf('PKM-C')).map((v) => v.visit_no)).toEqual([1, 2]);
		const r = await resolveDisagreement(
			t.db,
			{ ...flag, action: 'extra_visit', note: 'Kunjungi ulang untuk indikator inovasi', userId: ex.adminId },
			NOW
		);
		expect(r).toEqual({ ok: true, value: { visitNo: 3 } });
		const visits = await visitsOf('PKM-C');
		expect(visits.map((v) => [v.visit_no, v.kind, v.planned_on])).toEqual([
			[1, 'regular', null],
			[2, 'regular', null],
			[3, 'regular', null]
		]);
		const team = await t.db
			.selectFrom('visit_assessor')
			.selectAll()
			.where('visit_id', '=', visits[2].id)
			.execute();
		expect(team).toEqual([]);
		const audit = await t.db
			.selectFrom('audit_log')
			.select('detail')
			.where('action', '=', 'disagreement.resolve')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(audit.detail)).toMatchObject({ action: 'extra_visit', extraVisitNo: 3, unit: 'PKM-C' });
		const page = (await loadReviewPage(t.db, 'P1', 'all', 1))!;
		expect(page.flags[0].resolution).toMatchObject({ action: 'extra_visit' });
	});

	it('refuses an empty note, an unknown flag or period, and changes nothing', async () => {
		const ex = await exampleWithAdmin();
		t = ex.t;
		const base = { action: 'extra_visit' as const, userId: ex.adminId };
		expect(await resolveDisagreement(t.db, { ...flag, ...base, note: '   ' }, NOW)).toMatchObject({
			ok: false,
			status: 400
		});
		expect(
			await resolveDisagreement(t.db, { ...flag, ...base, indicatorCode: '1.a.K1', note: 'x' }, NOW)
		).toMatchObject({ ok: false, status: 404 });
		expect(
			await resolveDisagreement(t.db, { ...flag, ...base, unitCode: 'NOPE', note: 'x' }, NOW)
		).toMatchObject({
			ok: false,
			status: 404
		});
		expect(
			await resolveDisagreement(t.db, { ...flag, ...base, periodCode: 'X', note: 'x' }, NOW)
		).toMatchObject({
			ok: false,
			status: 404
		});
		expect((await visitsOf('PKM-C')).length).toBe(2);
		expect(await t.db.selectFrom('disagreement_resolution').selectAll().execute()).toEqual([]);
	});
});
