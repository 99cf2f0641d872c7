import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/test-db';
import { buildScoredPeriod, flat, NOW, type Fixture } from '../support/coaching-fixture';
import type { SessionUser } from '../../../src/lib/domain/auth/user';
import { setPeriodStatus } from '../../../src/lib/server/periods/period.repository';
import { publishPeriod } from '../../../src/lib/server/publication/publication.service';
import { listPlans } from '../../../src/lib/server/coaching/coaching-plan.repository';
import { listItemsOfPlans } from '../../../src/lib/server/coaching/coaching-item.repository';
import { assignMentor, movePlan } from '../../../src/lib/server/coaching/coaching-plan.service';
import { scheduleFollowUp } from '../../../src/lib/server/coaching/follow-up.service';
import { loadPlanView } from '../../../src/lib/server/coaching/coaching-view.service';
import { loadAssessorSheet } from '../../../src/lib/server/sheets/sheet-view.service';
import { saveSheetDraft, submitSheet } from '../../../src/lib/server/sheets/score-sheet.service';
import { loadResultsJson } from '../../../src/lib/server/results/results.service';
import { listVisitsOfAssessor } from '../../../src/lib/server/visits/visit.repository';
import { insertConflict } from '../../../src/lib/server/accounts/assessor.repository';
import { loadOfflineBundle } from '../../../src/lib/server/offline/offline-bundle.service';

// docs/rules.md §8.4: a follow-up visit is scored on a published period, holds only the plan's
// indicators under the usual sheet rules, fills the items' "after" scores, and leaves the
// published results exactly as they were.
let t: TestDb;
let f: Fixture;
let planId: number;
let snapshot: string;
const as = (id: number, role: SessionUser['role']): SessionUser => ({ id, role, name: 'x', email: 'x@y.z' });
const LATER = new Date(NOW.getTime() + 86_400_000 * 30);

beforeEach(async () => {
	t = await createTestDb();
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
			reason: 'Kategori uji dua unit'
		},
		NOW
	);
	if (!published.ok) throw new Error(published.message);
	snapshot = published.value.snapshot;
	planId = (await listPlans(t.db, {}))[0].id;
	const admin = as(f.users.admin, 'admin');
	await assignMentor(t.db, admin, planId, f.users.admin, NOW);
	expect((await movePlan(t.db, admin, planId, 'active', NOW)).ok).toBe(true);
});
afterEach(async () => t.cleanup());

/** The administrator schedules a follow-up visit of the plan on 1 December for an assessor. */
const scheduleFor = (assessorId: number) =>
	scheduleFollowUp(t.db, as(f.users.admin, 'admin'), planId, { plannedOn: '2026-12-01', assessorId }, NOW);

describe('follow-up visit sheets (docs/rules.md §8.4)', () => {
	it('refuses an assessor with a declared conflict of interest', async () => {
		const [assessor] = f.users.assessors;
		await insertConflict(t.db, assessor, f.unitIds.get('K-1')!, 'Suami lurah');
		const r = await scheduleFor(assessor);
		expect(r).toMatchObject({ ok: false, status: 409 });
		expect((r as { message: string }).message).toContain('Suami lurah');
	});

	it("hands the follow-up sheet of a published period to its assessor's offline bundle, plan indicators only", async () => {
		const assessor = f.users.assessors[1];
		expect((await loadOfflineBundle(t.db, assessor, NOW)).sheets).toEqual([]);
		const s = await scheduleFor(assessor);
		if (!s.ok) throw new Error(s.message);
		const bundle = await loadOfflineBundle(t.db, assessor, NOW);
		expect(bundle.sheets.map((x) => x.visit.id)).toEqual([s.value]);
		expect(bundle.sheets[0]).toMatchObject({ editable: true, visit: { followUp: true } });
		const planCodes = (await listItemsOfPlans(t.db, [planId])).map((i) => i.indicatorCode).sort();
		expect(bundle.sheets[0].aspects.flatMap((a) => a.indicators.map((i) => i.code)).sort()).toEqual(
			planCodes
		);
	});

	it('scores only the plan’s indicators on a published period, fills "after" and keeps the snapshot', async () => {
		const assessor = f.users.assessors[1];
		const s = await scheduleFor(assessor);
		if (!s.ok) throw new Error(s.message);
		const visitId = s.value;
		const items = await listItemsOfPlans(t.db, [planId]);
		const planCodes = items.map((i) => i.indicatorCode);

		const listed = (await listVisitsOfAssessor(t.db, assessor)).find((v) => v.visitId === visitId)!;
		expect(listed).toMatchObject({ kind: 'follow_up', periodStatus: 'published', scored: 0, required: 5 });
		const sheet = (await loadAssessorSheet(t.db, visitId, assessor))!;
		expect(sheet.editable).toBe(true);
		expect(sheet.lockedReason).toBeNull();
		expect(sheet.visit.followUp).toBe(true);
		expect(sheet.aspects.flatMap((a) => a.indicators.map((i) => i.code)).sort()).toEqual(
			[...planCodes].sort()
		);

		// An indicator outside the plan is refused, by code, and nothing is stored.
		const outside = f.instrument.def.aspects
			.flatMap((a) => a.indicators.map((i) => i.code))
			.find((c) => !planCodes.includes(c))!;
		const bad = await saveSheetDraft(
			t.db,
			{ visitId, userId: assessor, baseVersion: 1, values: { [outside]: { score: 3, note: '' } } },
			LATER
		);
		expect(bad).toMatchObject({ ok: false, status: 400 });
		expect(Object.keys((bad as { errors: Record<string, string> }).errors)).toEqual([outside]);

		// The usual rules: every plan indicator scored, a 5 needs a note.
		const values = Object.fromEntries(planCodes.map((c) => [c, { score: 3, note: '' }]));
		values[planCodes[0]] = { score: 5, note: '' };
		const incomplete = await submitSheet(t.db, { visitId, userId: assessor, baseVersion: 1, values }, LATER);
		expect(incomplete).toMatchObject({ ok: false, status: 400, kind: 'incomplete' });
		values[planCodes[0]] = { score: 5, note: 'SOP dipajang dan dipakai' };
		const version = (incomplete as { version: number }).version;
		expect(
			await submitSheet(t.db, { visitId, userId: assessor, baseVersion: version, values }, LATER)
		).toMatchObject({
			ok: true
		});

		const view = (await loadPlanView(t.db, planId, '2026-12-02'))!;
		expect(view.items.map((i) => [i.currentScore, i.after])).toEqual([
			[2, 5],
			[2, 3],
			[2, 3],
			[2, 3],
			[2, 3]
		]);
		// The published numbers are the snapshot's bytes, and recomputing leaves them as they were.
		expect((await loadResultsJson(t.db, 'UJI-2025', LATER))!.json).toBe(snapshot);
		const regular = await t.db
			.selectFrom('score_sheet')
			.innerJoin('visit', 'visit.id', 'score_sheet.visit_id')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('visit.kind', '=', 'regular')
			.where('score_sheet.updated_at', '>', NOW.getTime())
			.executeTakeFirstOrThrow();
		expect(Number(regular.n)).toBe(0);
	});
});
