import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_LIMITS, answers, countResponses, createSurveyFixture, type SurveyFixture } from './fixture';
import {
	issueFormToken,
	openSurvey,
	submitSurvey
} from '../../../src/lib/server/survey/intake/survey.service';
import { computeRangeIkm } from '../../../src/lib/server/survey/survey-results.service';

// Survey windows and date ranges are days of the office's time zone (TZ, docs/rules.md §2): the
// intake and the range report read the same day. The current period's window is 1 September to
// 15 December 2026 (fixture).
let t: SurveyFixture;
beforeEach(async () => (t = await createSurveyFixture()));
afterEach(async () => {
	delete process.env.TZ;
	await t.cleanup();
});

// 22:30 in Jakarta on 31 August, 00:30 on 1 September in Jayapura.
const PAPUA_FIRST_MINUTES = new Date('2026-08-31T15:30:00Z');
// 23:00 in Jakarta on 15 December, 01:00 on 16 December in Jayapura.
const PAPUA_DAY_AFTER = new Date('2026-12-15T16:00:00Z');

async function answer(at: Date) {
	const token = await issueFormToken(t, t.units.a.id, at);
	return submitSurvey(
		t,
		{
			unitToken: t.units.a.token,
			fields: { ...answers(), form_token: token },
			ip: '10.0.0.7',
			limits: NO_LIMITS
		},
		at
	);
}

const septemberRespondents = async () =>
	(await computeRangeIkm(t.db, '2026-09-01', '2026-09-30')).units.find((u) => u.id === t.units.a.id)!
		.respondents;

describe("the office's time zone (TZ)", () => {
	it('opens the window at midnight of the office: in Papua the first minutes of 1 September count, and September holds them', async () => {
		process.env.TZ = 'Asia/Jayapura';
		expect((await openSurvey(t, t.units.a.token, PAPUA_FIRST_MINUTES))?.period?.id).toBe(t.periods.current);
		expect(await answer(PAPUA_FIRST_MINUTES)).toEqual({ ok: true, stored: true });
		expect(await septemberRespondents()).toBe(1);

		// Read in Jakarta, the same moment is still 31 August.
		delete process.env.TZ;
		expect(await septemberRespondents()).toBe(0);
		expect((await openSurvey(t, t.units.a.token, PAPUA_FIRST_MINUTES))?.period).toBeNull();
	});

	it('closes the window at midnight of the office: in Papua 16 December has begun', async () => {
		process.env.TZ = 'Asia/Jayapura';
		expect((await openSurvey(t, t.units.a.token, PAPUA_DAY_AFTER))?.period).toBeNull();
		expect(await answer(PAPUA_DAY_AFTER)).toEqual({ ok: false, status: 410 });
		expect(await countResponses(t)).toBe(0);

		delete process.env.TZ;
		expect((await openSurvey(t, t.units.a.token, PAPUA_DAY_AFTER))?.period?.id).toBe(t.periods.current);
	});
});
