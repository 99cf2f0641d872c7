import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOW, answers, createSurveyFixture, type SurveyFixture } from './fixture';
import { insertUser } from '../../../src/lib/server/accounts/user.repository';
import { findOrCreateCategory, insertUnit } from '../../../src/lib/server/units/unit.repository';
import { findPeriodByCode, type Period } from '../../../src/lib/server/periods/period.repository';
import { listPeriodEnumerators } from '../../../src/lib/server/enumerators/enumerator.repository';
import {
	assignEnumeratorToUnits,
	removeEnumeratorFromUnit
} from '../../../src/lib/server/enumerators/enumerator-roster.service';
import { recordEnumeratorResponse } from '../../../src/lib/server/enumerators/enumerator.service';
import { countSourcesOfPeriod } from '../../../src/lib/server/survey/survey-response.repository';

// README "Survey enumerators": the office assigns enumerators to a period's units on the web page.
let t: SurveyFixture;
let period: Period;
let enumeratorId: number;
let assessorId: number;

beforeEach(async () => {
	t = await createSurveyFixture();
	period = (await findPeriodByCode(t.db, 'P-2026'))!;
	enumeratorId = await insertUser(
		t.db,
		{ email: 'enum@firma.co.id', name: 'Enum Satu', role: 'enumerator', passwordHash: null },
		NOW
	);
	assessorId = await insertUser(
		t.db,
		{ email: 'penilai@kota.go.id', name: 'Penilai', role: 'assessor', passwordHash: null },
		NOW
	);
});
afterEach(() => t.cleanup());

const roster = async () =>
	(await listPeriodEnumerators(t.db, period.id)).map((r) => ({
		unit: r.unitId,
		user: r.userId,
		entered: r.entered
	}));
const audits = async (action: string) =>
	(await t.db.selectFrom('audit_log').select('entity_id').where('action', '=', action).execute()).map(
		(r) => r.entity_id
	);

describe('the office assigns survey enumerators', () => {
	it('assigns one enumerator to several units at once, audited per unit', async () => {
		const r = await assignEnumeratorToUnits(
			t.db,
			period,
			{ userId: enumeratorId, unitCodes: ['KEL-01', ' KEL-02 ', 'KEL-01'] },
			t.adminId,
			NOW
		);
		expect(r).toEqual({ ok: true, value: { count: 2, email: 'enum@firma.co.id' } });
		expect(await roster()).toEqual([
			{ unit: t.units.a.id, user: enumeratorId, entered: 0 },
			{ unit: t.units.b.id, user: enumeratorId, entered: 0 }
		]);
		expect((await audits('assign_enumerator')).sort()).toEqual(['KEL-01', 'KEL-02']);
	});

	it('refuses an unknown user, a user who is not an enumerator, a unit outside the period and a duplicate, changing nothing', async () => {
		const cat = await findOrCreateCategory(t.db, 'Kelurahan');
		// added after the period took its units: not part of P-2026
		await insertUnit(
			t.db,
			{
				code: 'KEL-03',
				name: 'Kelurahan Tiga',
				categoryId: cat,
				surveyToken: 'tokenunittiga03',
				yearlyServiceUsers: 10
			},
			NOW
		);
		const assign = (userId: number, unitCodes: string[]) =>
			assignEnumeratorToUnits(t.db, period, { userId, unitCodes }, t.adminId, NOW);

		expect(await assign(999_999, ['KEL-01'])).toMatchObject({
			ok: false,
			status: 404,
			errors: { enumerator: expect.any(String) }
		});
		const notEnumerator = await assign(assessorId, ['KEL-01']);
		expect(notEnumerator).toMatchObject({
			ok: false,
			status: 400,
			errors: { enumerator: expect.any(String) }
		});
		expect(!notEnumerator.ok && notEnumerator.message).toContain('penilai@kota.go.id');
		const outside = await assign(enumeratorId, ['KEL-01', 'KEL-03', 'NOPE-9']);
		expect(outside).toMatchObject({ ok: false, status: 400, errors: { units: expect.any(String) } });
		expect(!outside.ok && outside.message).toContain('KEL-03, NOPE-9');
		expect(await assign(enumeratorId, [])).toMatchObject({
			ok: false,
			status: 400,
			errors: { units: expect.any(String) }
		});
		expect(await roster()).toEqual([]);

		expect(await assign(enumeratorId, ['KEL-01'])).toMatchObject({ ok: true, value: { count: 1 } });
		const duplicate = await assign(enumeratorId, ['KEL-02', 'KEL-01']);
		expect(duplicate).toMatchObject({ ok: false, status: 409, errors: { units: expect.any(String) } });
		expect(!duplicate.ok && duplicate.message).toContain('KEL-01');
		// the whole request was refused: KEL-02 was not assigned on the side
		expect(await roster()).toEqual([{ unit: t.units.a.id, user: enumeratorId, entered: 0 }]);
		expect(await audits('assign_enumerator')).toEqual(['KEL-01']);
	});

	it('refuses changes in an archived period', async () => {
		const archived = { ...period, status: 'archived' as const };
		expect(
			await assignEnumeratorToUnits(
				t.db,
				archived,
				{ userId: enumeratorId, unitCodes: ['KEL-01'] },
				t.adminId,
				NOW
			)
		).toMatchObject({ ok: false, status: 409 });
	});

	it('removes an assignment; the questionnaires already entered stay and keep counting', async () => {
		await assignEnumeratorToUnits(
			t.db,
			period,
			{ userId: enumeratorId, unitCodes: ['KEL-01'] },
			t.adminId,
			NOW
		);
		const me = {
			id: enumeratorId,
			name: 'Enum Satu',
			email: 'enum@firma.co.id',
			role: 'enumerator' as const
		};
		const sent = await recordEnumeratorResponse(
			t,
			me,
			{
				deviceId: 'device-roster-01',
				unitCode: 'KEL-01',
				givenAt: NOW.toISOString(),
				fields: { ...answers('4'), sex: 'P' }
			},
			NOW
		);
		expect(sent).toMatchObject({ ok: true, value: { stored: true } });
		expect(await roster()).toEqual([{ unit: t.units.a.id, user: enumeratorId, entered: 1 }]);

		const removed = await removeEnumeratorFromUnit(
			t.db,
			period,
			{ userId: enumeratorId, unitCode: 'KEL-01' },
			t.adminId,
			NOW
		);
		expect(removed).toEqual({ ok: true, value: { count: 1, email: 'enum@firma.co.id' } });
		expect(await roster()).toEqual([]);
		expect((await countSourcesOfPeriod(t.db, period.id)).enumerator).toBe(1);
		expect(await audits('unassign_enumerator')).toEqual(['KEL-01']);

		// removing again, or from a unit outside the period, is a clear refusal
		expect(
			await removeEnumeratorFromUnit(
				t.db,
				period,
				{ userId: enumeratorId, unitCode: 'KEL-01' },
				t.adminId,
				NOW
			)
		).toMatchObject({ ok: false, status: 404, errors: { units: expect.any(String) } });
		expect(
			await removeEnumeratorFromUnit(
				t.db,
				period,
				{ userId: enumeratorId, unitCode: 'KEL-99' },
				t.adminId,
				NOW
			)
		).toMatchObject({ ok: false, status: 400, errors: { units: expect.any(String) } });
		// and the unassigned enumerator can no longer send for the unit
		const late = await recordEnumeratorResponse(
			t,
			me,
			{
				deviceId: 'device-roster-02',
				unitCode: 'KEL-01',
				givenAt: NOW.toISOString(),
				fields: { ...answers('4'), sex: 'P' }
			},
			NOW
		);
		expect(late.ok).toBe(false);
	});
});
