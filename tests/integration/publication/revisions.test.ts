import { afterEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../support/test-db';
import { loadResults, loadResultsJson } from '../../../src/lib/server/results/results.service';
import { publishPeriod } from '../../../src/lib/server/publication/publication.service';
import { loadPublicResults } from '../../../src/lib/server/results/public-results.service';
import { loadPublicationPage } from '../../../src/lib/server/publication/publication-page.service';
import { exampleWithAdmin, lowerScoresOf, NOW } from './support';

let t: TestDb;
afterEach(async () => t?.cleanup());

const LATER = new Date(NOW.getTime() + 86_400_000 * 3);
const ipp = (doc: Awaited<ReturnType<typeof loadResults>>, code: string) =>
	doc!.doc.categories.flatMap((c) => c.units).find((u) => u.code === code)!.ipp;

describe('published snapshots and revisions', () => {
	it('keeps the published numbers through later score changes until a revision with a reason', async () => {
		const ex = await exampleWithAdmin();
		t = ex.t;
		const first = await publishPeriod(
			t.db,
			{
				periodCode: 'P1',
				userId: ex.adminId,
				confirm: ['incomplete'],
				confirmOpenFlags: true,
				reason: 'Dibahas dalam rapat'
			},
			NOW
		);
		if (!first.ok) throw new Error(first.message);
		const published = ipp(await loadResults(t.db, 'P1', NOW), 'PKM-C');

		await lowerScoresOf(t, 'PKM-C');
		expect((await loadResultsJson(t.db, 'P1', NOW))!.json).toBe(first.value.snapshot);
		const publicBefore = (await loadPublicResults(t.db, 'P1', null, NOW))!;
		expect(publicBefore.revised).toBeNull();
		expect(publicBefore.categories.find((c) => c.name === 'Puskesmas')!.ranked.map((r) => r.ipp)).toContain(
			'3,32'
		);
		expect((await loadPublicationPage(t.db, 'P1'))!.changedSincePublication).toBe(true);

		// A second publish is not a revision unless asked for, and a revision needs a reason.
		const plain = await publishPeriod(
			t.db,
			{ periodCode: 'P1', userId: ex.adminId, confirm: ['incomplete'], confirmOpenFlags: true, reason: 'x' },
			LATER
		);
		expect(plain).toMatchObject({ ok: false, status: 409 });
		const noReason = await publishPeriod(
			t.db,
			{
				periodCode: 'P1',
				userId: ex.adminId,
				confirm: ['incomplete'],
				confirmOpenFlags: true,
				reason: '  ',
				newRevision: true
			},
			LATER
		);
		expect(noReason).toMatchObject({ ok: false, status: 400 });
		expect(ipp(await loadResults(t.db, 'P1', NOW), 'PKM-C')).toBe(published);

		const revision = await publishPeriod(
			t.db,
			{
				periodCode: 'P1',
				userId: ex.adminId,
				confirm: ['incomplete'],
				confirmOpenFlags: true,
				reason: 'Koreksi nilai PKM-C setelah keberatan unit',
				newRevision: true
			},
			LATER
		);
		expect(revision).toMatchObject({ ok: true, value: { revision: 2 } });
		const revised = ipp(await loadResults(t.db, 'P1', LATER), 'PKM-C')!;
		expect(revised).toBeCloseTo(published! / 2, 9);

		const pub = (await loadPublicResults(t.db, 'P1', null, LATER))!;
		expect(pub.revised).toMatchObject({ revision: 2, reason: 'Koreksi nilai PKM-C setelah keberatan unit' });
		expect(pub.revised!.at.getTime()).toBe(LATER.getTime());
		expect(pub.firstPublishedAt!.getTime()).toBe(NOW.getTime());

		const page = (await loadPublicationPage(t.db, 'P1'))!;
		expect(page.changedSincePublication).toBe(false);
		expect(page.revisions.map((r) => [r.revision, r.by, r.reason])).toEqual([
			[2, 'Sri Admin', 'Koreksi nilai PKM-C setelah keberatan unit'],
			[1, 'Sri Admin', 'Dibahas dalam rapat']
		]);
		const audit = await t.db.selectFrom('audit_log').select(['action', 'detail']).orderBy('id').execute();
		const publications = audit.filter((a) => a.action.startsWith('period.publish'));
		expect(publications.map((a) => a.action)).toEqual(['period.publish', 'period.publish_revision']);
		expect(JSON.parse(publications[1].detail)).toMatchObject({ revision: 2 });
	});

	it('records the reason and the open flags when publishing with open flags confirmed', async () => {
		const ex = await exampleWithAdmin();
		t = ex.t;
		const ok = await publishPeriod(
			t.db,
			{
				periodCode: 'P1',
				userId: ex.adminId,
				confirm: ['incomplete'],
				confirmOpenFlags: true,
				reason: 'Selisih wajar'
			},
			NOW
		);
		expect(ok).toMatchObject({ ok: true, value: { openFlagsConfirmed: 1 } });
		const page = (await loadPublicationPage(t.db, 'P1'))!;
		expect(page.revisions[0]).toMatchObject({ reason: 'Selisih wajar', openFlagsConfirmed: true });
		const audit = await t.db
			.selectFrom('audit_log')
			.select('detail')
			.where('action', '=', 'period.publish')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(audit.detail).openFlags[0]).toContain('unit PKM-C indikator 6');
	});

	it('shows unpublished results only as a preview to administrators and viewers', async () => {
		const ex = await exampleWithAdmin();
		t = ex.t;
		expect(await loadPublicResults(t.db, 'P1', null, NOW)).toBeNull();
		expect(await loadPublicResults(t.db, 'P1', 'unit_head', NOW)).toBeNull();
		expect(await loadPublicResults(t.db, "P1' or 1=1", 'admin', NOW)).toBeNull();
		const preview = (await loadPublicResults(t.db, 'P1', 'viewer', NOW))!;
		expect(preview.preview).toBe(true);
		expect(preview.winners.map((w) => w.code).sort()).toEqual(['KEL-B', 'PKM-A', 'PKM-B']);
	});
});
