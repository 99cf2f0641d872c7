import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOW, answers, countResponses, createSurveyFixture, type SurveyFixture } from './fixture';
import { insertUser } from '../../../src/lib/server/accounts/user.repository';
import { recordEnumeratorResponse } from '../../../src/lib/server/enumerators/enumerator.service';
import { refusalProblems } from '../../../src/lib/server/service-result';
import { listEnumeratorUnits } from '../../../src/lib/server/enumerators/enumerator.repository';
import { assignEnumeratorToUnit } from '../../../src/lib/server/enumerators/enumerator-assignment.service';
import { computeBreakdowns } from '../../../src/lib/server/survey/survey-results.service';
import { countSourcesOfPeriod } from '../../../src/lib/server/survey/survey-response.repository';
import type { SessionUser } from '../../../src/lib/domain/auth/user';

let t: SurveyFixture;
let enumerator: SessionUser;
beforeEach(async () => {
	t = await createSurveyFixture();
	const id = await insertUser(
		t.db,
		{ email: 'enum@firma.co.id', name: 'Enumerator', role: 'enumerator', passwordHash: null },
		NOW
	);
	enumerator = { id, name: 'Enumerator', email: 'enum@firma.co.id', role: 'enumerator' };
	const assigned = { periodCode: 'P-2026', unitCode: 'KEL-01', email: 'ENUM@firma.co.id' };
	expect(await assignEnumeratorToUnit(t.db, assigned, t.adminId, NOW)).toMatchObject({ ok: true });
	expect(
		await assignEnumeratorToUnit(t.db, { ...assigned, email: 'admin@kota.go.id' }, t.adminId, NOW)
	).toMatchObject({ ok: false, status: 400 });
});
afterEach(() => t.cleanup());

const entry = (deviceId: string, over: Record<string, unknown> = {}) => ({
	deviceId,
	unitCode: 'KEL-01',
	givenAt: NOW.toISOString(),
	fields: { ...answers('4'), sex: 'L' },
	...over
});
// synced two weeks later, after the window closed: the interview's moment decides the period
const SYNCED = new Date('2026-12-29T03:00:00Z');

describe('questionnaires from an enumerator tablet', () => {
	it('stores a questionnaire once under the period of its interview, however often it is resent', async () => {
		const first = await recordEnumeratorResponse(t, enumerator, entry('device-0001-a'), SYNCED);
		const again = await recordEnumeratorResponse(t, enumerator, entry('device-0001-a'), SYNCED);
		expect(first).toMatchObject({ ok: true, value: { stored: true, periodCode: 'P-2026' } });
		expect(again).toMatchObject({ ok: true, value: { stored: false, periodCode: 'P-2026' } });
		expect(again.ok && first.ok && again.value.responseId).toBe(first.ok && first.value.responseId);
		const row = await t.db
			.selectFrom('survey_response')
			.select(['period_id', 'source', 'entered_by', 'device_id', 'submitted_at'])
			.executeTakeFirstOrThrow();
		expect(row).toEqual({
			period_id: t.periods.current,
			source: 'enumerator',
			entered_by: enumerator.id,
			device_id: 'device-0001-a',
			submitted_at: NOW.getTime()
		});
		expect(await countResponses(t)).toBe(1);
	});

	it('refuses bad input, other units, closed windows and other roles, naming the problem, storing nothing', async () => {
		const bad = await recordEnumeratorResponse(
			t,
			enumerator,
			entry('x', { fields: { u1: '5' }, givenAt: 'kemarin' }),
			SYNCED
		);
		expect(bad.ok).toBe(false);
		expect(!bad.ok && bad.status).toBe(400);
		expect(!bad.ok && refusalProblems(bad).join(' | ')).toMatch(/deviceId.*givenAt.*fields\.u1.*fields\.u2/);
		const future = await recordEnumeratorResponse(
			t,
			enumerator,
			entry('device-0002-a', { givenAt: '2027-01-01T00:00:00Z' }),
			SYNCED
		);
		expect(!future.ok && refusalProblems(future)[0]).toMatch(/masa depan/);
		const other = await recordEnumeratorResponse(
			t,
			enumerator,
			entry('device-0003-a', { unitCode: 'KEL-02' }),
			SYNCED
		);
		expect(!other.ok && other.status).toBe(403);
		const closed = await recordEnumeratorResponse(
			t,
			enumerator,
			entry('device-0004-a', { givenAt: '2026-01-10T03:00:00Z' }),
			SYNCED
		);
		expect(!closed.ok && closed.status).toBe(410);
		const admin = { ...enumerator, id: t.adminId, role: 'admin' as const };
		expect(await recordEnumeratorResponse(t, admin, entry('device-0005-a'), SYNCED)).toMatchObject({
			ok: false,
			status: 403
		});
		expect(await countResponses(t)).toBe(0);
	});

	it('shows the enumerator their own count per unit and breaks the IKM down by channel', async () => {
		for (let i = 0; i < 3; i++)
			await recordEnumeratorResponse(t, enumerator, entry(`device-100${i}-a`), SYNCED);
		const units = await listEnumeratorUnits(t.db, enumerator.id);
		expect(units.map((u) => [u.unitCode, u.periodCode, u.entered, u.yearlyServiceUsers])).toEqual([
			['KEL-01', 'P-2026', 3, 1000]
		]);
		expect(await countSourcesOfPeriod(t.db, t.periods.current)).toEqual({
			online: 0,
			paper: 0,
			enumerator: 3
		});
		const byChannel = (await computeBreakdowns(t.db, { periodId: t.periods.current })).source;
		expect(byChannel.map((r) => [r.label, r.result?.respondents, r.result?.konversi])).toEqual([
			['Enumerator', 3, 100]
		]);
	});
});
