import { afterEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../support/test-db';
import { publishPeriod } from '../../../src/lib/server/publication/publication.service';
import { loadPublicationPage } from '../../../src/lib/server/publication/publication-page.service';
import { loadResults } from '../../../src/lib/server/results/results.service';
import { addVisitAssessor, insertVisit } from '../../../src/lib/server/visits/visit.repository';
import { insertSheet } from '../../../src/lib/server/sheets/score-sheet.repository';
import { exampleWithAdmin, NOW } from './support';

let t: TestDb;
afterEach(async () => t?.cleanup());

/**
 * The worked example made provisional in every way docs/rules.md §8.1 names: KEL-A incomplete, a draft
 * sheet on a third visit of KEL-A planned after NOW, the visit window still open, the open flag
 * of PKM-C, and Kelurahan (one ranked unit) below a minimum of 3 for awards.
 */
async function provisionalExample() {
	const ex = await exampleWithAdmin();
	t = ex.t;
	await t.db.updateTable('period').set({ ends_on: '2026-12-31', min_ranked_for_awards: 3 }).execute();
	const period = await t.db.selectFrom('period').select('id').executeTakeFirstOrThrow();
	const kelA = await t.db
		.selectFrom('unit')
		.select('id')
		.where('code', '=', 'KEL-A')
		.executeTakeFirstOrThrow();
	const visitId = await insertVisit(
		t.db,
		{ periodId: period.id, unitId: kelA.id, visitNo: 3, plannedOn: '2026-12-05' },
		NOW
	);
	await addVisitAssessor(t.db, visitId, ex.adminId);
	await insertSheet(t.db, { visitId, assessorId: ex.adminId, status: 'draft', source: 'form' }, NOW);
	return ex;
}

describe('publication preflight (docs/rules.md §8.1, §8.2)', () => {
	it('lists every class with its units on the publication page', async () => {
		await provisionalExample();
		const page = (await loadPublicationPage(t.db, 'P1', NOW))!;
		const byClass = Object.fromEntries(page.preflight.map((c) => [c.class, c.items]));
		expect(page.preflight.map((c) => c.class)).toEqual([
			'incomplete',
			'drafts',
			'window',
			'flags',
			'no-awards'
		]);
		expect(byClass.incomplete).toEqual([
			{ subject: 'KEL-A', detail: 'belum lengkap: kurang 1 kunjungan, kurang 1 penilai berbeda' }
		]);
		expect(byClass.drafts).toEqual([
			{ subject: 'KEL-A', detail: 'kunjungan 3: lembar Sri Admin masih draf' }
		]);
		expect(byClass.window.map((i) => i.detail)).toEqual([
			'masa kunjungan berlangsung sampai 31 Desember 2026',
			'kunjungan 3 dijadwalkan 5 Desember 2026'
		]);
		expect(byClass.flags[0].detail).toContain('unit PKM-C indikator 6');
		expect(byClass['no-awards']).toEqual([
			{
				subject: 'Kelurahan',
				detail: 'Hanya 1 unit diperingkat; penghargaan diberikan bila sekurang-kurangnya 3 unit diperingkat.'
			}
		]);
		const kel = page.summary.find((c) => c.category === 'Kelurahan')!;
		expect(kel).toMatchObject({ winners: [], awardsWithheld: expect.stringContaining('Hanya 1 unit') });
		expect(page.summary.find((c) => c.category === 'Puskesmas')!.awardsWithheld).toBeNull();
	});

	it('refuses until every non-empty class is confirmed with a reason, then records them', async () => {
		const ex = await provisionalExample();
		const base = { periodCode: 'P1', userId: ex.adminId };
		const none = await publishPeriod(t.db, { ...base, reason: null }, NOW);
		expect(none).toMatchObject({ ok: false, status: 409 });
		expect(!none.ok && none.preflight!.map((f) => f.class)).toEqual([
			'incomplete',
			'drafts',
			'window',
			'flags',
			'no-awards'
		]);
		const some = await publishPeriod(
			t.db,
			{ ...base, confirm: ['incomplete', 'drafts', 'window'], confirmOpenFlags: true, reason: 'x' },
			NOW
		);
		expect(!some.ok && some.preflight!.map((f) => f.class)).toEqual(['no-awards']);
		const all = ['incomplete', 'drafts', 'window', 'flags', 'no-awards'] as const;
		const noReason = await publishPeriod(t.db, { ...base, confirm: all, reason: '  ' }, NOW);
		expect(noReason).toMatchObject({ ok: false, status: 400 });
		expect(await t.db.selectFrom('publication').selectAll().execute()).toHaveLength(0);

		const ok = await publishPeriod(t.db, { ...base, confirm: all, reason: 'Rapat 20 November' }, NOW);
		expect(ok).toMatchObject({ ok: true, value: { revision: 1, openFlagsConfirmed: 1 } });
		const pub = await t.db.selectFrom('publication').selectAll().executeTakeFirstOrThrow();
		expect(pub.reason).toBe('Rapat 20 November');
		const confirmed = JSON.parse(pub.confirmations) as { class: string; count: number }[];
		expect(confirmed.map((c) => [c.class, c.count])).toEqual([
			['incomplete', 1],
			['drafts', 1],
			['window', 2],
			['flags', 1],
			['no-awards', 1]
		]);
		const page = (await loadPublicationPage(t.db, 'P1', NOW))!;
		expect(page.revisions[0].confirmed.map((c) => c.count)).toEqual([1, 1, 2, 1, 1]);
		// The published results carry the withheld awards (README "Review and publication": `awards_withheld`).
		const doc = (await loadResults(t.db, 'P1', NOW))!.doc;
		const kel = doc.categories.find((c) => c.name === 'Kelurahan')!;
		expect(kel.awards_withheld).toContain('Hanya 1 unit diperingkat');
		expect(kel.units.every((u) => u.award === null)).toBe(true);
		expect('awards_withheld' in doc.categories.find((c) => c.name === 'Puskesmas')!).toBe(false);
	});

	it('publishes without confirmation or reason when nothing is provisional', async () => {
		const ex = await exampleWithAdmin();
		t = ex.t;
		// Only KEL-B's category, fully scored: drop KEL-A and the flagged PKM-C from the period.
		await t.db.deleteFrom('visit').execute();
		await t.db.deleteFrom('period_unit').execute();
		const page = (await loadPublicationPage(t.db, 'P1', NOW))!;
		expect(page.preflight).toEqual([]);
		const ok = await publishPeriod(t.db, { periodCode: 'P1', userId: ex.adminId, reason: null }, NOW);
		expect(ok).toMatchObject({ ok: true });
	});
});
