import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/test-db';
import { buildScoredPeriod, flat, NOW, type Fixture } from '../support/coaching-fixture';
import type { SessionUser } from '../../../src/lib/domain/auth/user';
import { setPeriodStatus } from '../../../src/lib/server/periods/period.repository';
import { publishPeriod } from '../../../src/lib/server/publication/publication.service';
import { listPlans } from '../../../src/lib/server/coaching/coaching-plan.repository';
import { assignMentor, movePlan } from '../../../src/lib/server/coaching/coaching-plan.service';
import { loadPlanView } from '../../../src/lib/server/coaching/coaching-view.service';
import { presentPlan } from '../../../src/lib/server/coaching/coaching-plan-view';
import { openReportCard } from '../../../src/lib/server/report-cards/report-card-request.service';
import { PREFLIGHT_CLASSES } from '../../../src/lib/domain/publication/preflight';
import { inRequest } from '../support/in-request';

// Publishing confirms every preflight class: these tests are about what comes after it.
// Coaching as the unit head and the office see it: no draft leaks out, and every action offered
// can succeed.

let t: TestDb;
let f: Fixture;
let planId: number;
const as = (id: number, role: SessionUser['role']): SessionUser => ({ id, role, name: 'x', email: 'x@y.z' });

beforeEach(async () => {
	t = await createTestDb();
	f = await buildScoredPeriod(t.db, [
		{ code: 'K-1', category: 'Kelurahan', score: flat(2) },
		{ code: 'K-2', category: 'Kelurahan', score: flat(4) }
	]);
	await setPeriodStatus(t.db, f.periodId, 'review', NOW);
	const published = await publishPeriod(
		t.db,
		{ periodCode: 'UJI-2025', userId: f.users.admin, confirm: PREFLIGHT_CLASSES, reason: 'uji' },
		NOW
	);
	expect(published.ok).toBe(true);
	planId = (await listPlans(t.db, {}))[0].id;
});
afterEach(() => t.cleanup());

const page = async (user: SessionUser) =>
	presentPlan((await loadPlanView(t.db, planId, '2026-11-22'))!, user);
const cardPlan = async () => {
	const head = as(f.users.heads.get('K-1')!, 'unit_head');
	const r = await openReportCard(t.db, head, 'K-1', 'UJI-2025', NOW);
	if (!r.ok) throw new Error(r.message);
	return r.value.card.plan;
};

describe('coaching presentation', () => {
	it('keeps a draft plan, and any link to it, off the unit head’s report card', async () => {
		expect(await cardPlan()).toBeNull();
		const admin = as(f.users.admin, 'admin');
		await assignMentor(t.db, admin, planId, f.users.admin, NOW);
		await movePlan(t.db, admin, planId, 'active', NOW);
		expect((await cardPlan())?.id).toBe(planId);
	});

	it('offers activation only with a mentor and completion only when every item is verified', async () => {
		const admin = as(f.users.admin, 'admin');
		const draft = await page(admin);
		expect(draft.can.activate).toBe(false);
		expect(draft.activateBlocker).toContain('pendamping');
		await assignMentor(t.db, admin, planId, f.users.admin, NOW);
		expect((await page(admin)).can.activate).toBe(true);
		await movePlan(t.db, admin, planId, 'active', NOW);
		const active = await page(admin);
		expect(active.can.complete).toBe(false);
		expect(active.completeBlocker).toBe('5 butir belum diverifikasi.');
		// An English reader reads why in English, as the other blockers on the page (README "Where
		// translation happens").
		expect((await inRequest('en', () => page(admin))).completeBlocker).toBe('5 items are not verified yet.');
		// the refusal the button would have met
		expect(await movePlan(t.db, admin, planId, 'completed', NOW)).toMatchObject({ ok: false, status: 409 });
	});
});
