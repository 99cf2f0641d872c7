import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../support/test-db';
import { buildScoredPeriod, flat, NOW } from '../support/coaching-fixture';
import { parseForm } from '../../../src/lib/server/http/forms';
import { settingsForm, settingsValues, toSettings } from '../../../src/routes/admin/periode/period-form';
import { findPeriodByCode } from '../../../src/lib/server/periods/period.repository';
import { editPeriodSettings } from '../../../src/lib/server/periods/period-admin.service';
import { setPeriodStatus } from '../../../src/lib/server/periods/period.repository';
import { publishPeriod } from '../../../src/lib/server/publication/publication.service';
import { listPlans } from '../../../src/lib/server/coaching/coaching-plan.repository';
import { PREFLIGHT_CLASSES } from '../../../src/lib/domain/publication/preflight';

// The coaching rule chosen on the period settings page is the rule plan drafting applies at
// publication: "bottom K per category" once fell back to the default threshold rule silently.
let t: TestDb;
beforeEach(async () => {
	t = await createTestDb();
});
afterEach(() => t.cleanup());

describe('bottom-K coaching rule from the settings page', () => {
	it('drafts plans for the K lowest ranked units of each category when the period is published', async () => {
		// Every unit is above the default threshold (IPP 3,00, aspects 2,51), so only bottom-K selects them.
		const f = await buildScoredPeriod(t.db, [
			{ code: 'K-A', category: 'Kelurahan', score: flat(5) },
			{ code: 'K-B', category: 'Kelurahan', score: (_i, v) => (v === 1 ? 5 : 4) },
			{ code: 'K-C', category: 'Kelurahan', score: flat(4) },
			{ code: 'K-D', category: 'Kelurahan', score: (_i, v) => (v === 1 ? 4 : 3) },
			{ code: 'P-A', category: 'Puskesmas', score: flat(5) },
			{ code: 'P-B', category: 'Puskesmas', score: flat(4) },
			{ code: 'P-C', category: 'Puskesmas', score: (_i, v) => (v === 1 ? 4 : 3) }
		]);
		const before = (await findPeriodByCode(t.db, 'UJI-2025'))!;
		const form = new FormData();
		for (const [k, v] of Object.entries(settingsValues(before))) form.set(k, v);
		form.set('coaching_kind', 'bottom');
		form.set('coaching_k', '2');
		const parsed = parseForm(settingsForm, form);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
		const saved = await editPeriodSettings(t.db, 'UJI-2025', toSettings(parsed.data), f.users.admin, NOW);
		expect(saved.ok).toBe(true);
		expect((await findPeriodByCode(t.db, 'UJI-2025'))!.coachingRule).toEqual({ kind: 'bottom', k: 2 });

		await setPeriodStatus(t.db, f.periodId, 'review', NOW);
		const published = await publishPeriod(
			t.db,
			{ periodCode: 'UJI-2025', userId: f.users.admin, confirm: PREFLIGHT_CLASSES, reason: 'uji' },
			NOW
		);
		expect(published.ok).toBe(true);
		const plans = await listPlans(t.db, {});
		expect(plans.map((p) => p.unitCode).sort()).toEqual(['K-C', 'K-D', 'P-B', 'P-C']);
		expect(plans.find((p) => p.unitCode === 'K-D')!.reason).toContain('2 terbawah kategori Kelurahan');
	});

	it('reads a rule stored with the old spelling bottom_k as the same rule', async () => {
		const f = await buildScoredPeriod(
			t.db,
			[
				{ code: 'K-A', category: 'Kelurahan', score: flat(5) },
				{ code: 'K-B', category: 'Kelurahan', score: flat(4) }
			],
			{ coachingRule: '{"kind":"bottom_k","k":1}' }
		);
		expect((await findPeriodByCode(t.db, 'UJI-2025'))!.coachingRule).toEqual({ kind: 'bottom', k: 1 });
		await setPeriodStatus(t.db, f.periodId, 'review', NOW);
		const published = await publishPeriod(
			t.db,
			{ periodCode: 'UJI-2025', userId: f.users.admin, confirm: PREFLIGHT_CLASSES, reason: 'uji' },
			NOW
		);
		expect(published.ok).toBe(true);
		expect((await listPlans(t.db, {})).map((p) => p.unitCode)).toEqual(['K-B']);
	});
});
