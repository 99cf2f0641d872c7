import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOW, NO_LIMITS, answers, countResponses, createSurveyFixture, type SurveyFixture } from './fixture';
import {
	issueFormToken,
	openSurvey,
	submitSurvey
} from '../../../src/lib/server/survey/intake/survey.service';
import { changeSurveyWindow } from '../../../src/lib/server/survey/survey-admin.service';
import { computeBreakdowns } from '../../../src/lib/server/survey/survey-results.service';
import { createPeriod, editPeriodSettings } from '../../../src/lib/server/periods/period-admin.service';
import { findPeriodByCode } from '../../../src/lib/server/periods/period.repository';
import { setPeriodStatus } from '../../../src/lib/server/periods/period.repository';
import { DEFAULT_COACHING_RULE } from '../../../src/lib/domain/coaching/rule';
import { refusalErrors } from '../../../src/lib/server/service-result';

let t: SurveyFixture;
beforeEach(async () => (t = await createSurveyFixture()));
afterEach(() => t.cleanup());

const settings = (over: Record<string, string> = {}) => ({
	code: 'P-2027',
	name: 'Periode 2027',
	instrumentCode: 'permenpan-17-2017',
	requiredVisits: 2,
	requiredAssessors: 2,
	awardsPerCategory: 2,
	awardMinGrade: null,
	disagreementThreshold: 2,
	coachingRule: DEFAULT_COACHING_RULE,
	startsOn: '2026-12-01',
	endsOn: '2027-03-31',
	surveyFrom: '',
	surveyTo: '',
	...over
});

describe('the survey form', () => {
	it('stores every field of the form and shows each in the breakdowns', async () => {
		const token = await issueFormToken(t, t.units.a.id, NOW);
		const fields = {
			...Object.fromEntries([1, 2, 3, 4, 1, 2, 3, 4, 2].map((v, i) => [`u${i + 1}`, String(v)])),
			sex: 'P',
			age_band: '30-39',
			education: 'S1',
			occupation: 'WIRAUSAHA',
			service: '  Surat   keterangan usaha ',
			suggestion: 'Antrean sore terlalu panjang.',
			form_token: token,
			website: ''
		};
		const r = await submitSurvey(
			t,
			{ unitToken: t.units.a.token, fields, ip: '10.0.0.9', limits: NO_LIMITS },
			NOW
		);
		expect(r).toEqual({ ok: true, stored: true });
		const row = await t.db.selectFrom('survey_response').selectAll().executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			period_id: t.periods.current,
			unit_id: t.units.a.id,
			u1: 1,
			u2: 2,
			u3: 3,
			u4: 4,
			u5: 1,
			u6: 2,
			u7: 3,
			u8: 4,
			u9: 2,
			sex: 'P',
			age_band: '30-39',
			education: 'S1',
			occupation: 'WIRAUSAHA',
			service: 'Surat keterangan usaha',
			suggestion: 'Antrean sore terlalu panjang.',
			source: 'online'
		});
		const b = await computeBreakdowns(t.db, { periodId: t.periods.current });
		const only = (field: keyof typeof b) => b[field].map((x) => [x.value, x.label, x.result?.respondents]);
		expect(only('sex')).toEqual([['P', 'Perempuan', 1]]);
		expect(only('age_band')).toEqual([['30-39', '30–39 tahun', 1]]);
		expect(only('education')).toEqual([['S1', 'D4/S1', 1]]);
		expect(only('occupation')).toEqual([['WIRAUSAHA', 'Wirausaha', 1]]);
		expect(only('service')).toEqual([['Surat keterangan usaha', 'Surat keterangan usaha', 1]]);
	});
});

describe('survey windows (docs/rules.md §8.6)', () => {
	it('collects nothing while a period is still a draft', async () => {
		await setPeriodStatus(t.db, t.periods.current, 'draft', NOW);
		expect((await openSurvey(t, t.units.a.token, NOW))?.period).toBeNull();
		const token = await issueFormToken(t, t.units.a.id, NOW);
		const r = await submitSurvey(
			t,
			{
				unitToken: t.units.a.token,
				fields: { ...answers(), form_token: token },
				ip: '10.0.0.1',
				limits: NO_LIMITS
			},
			NOW
		);
		expect(r).toEqual({ ok: false, status: 410 });
		expect(await countResponses(t)).toBe(0);
	});

	it('refuses a survey window that overlaps another period, naming it, and changes nothing', async () => {
		const current = (await findPeriodByCode(t.db, 'P-2026'))!;
		const r = await changeSurveyWindow(
			t.db,
			t.adminId,
			current,
			{ from: '2025-09-15', to: '2026-12-15' },
			NOW
		);
		expect(r).toMatchObject({ ok: false, status: 409, errors: { survey_from: expect.any(String) } });
		expect(r.ok === false && r.message).toContain('P-2025');
		expect(await findPeriodByCode(t.db, 'P-2026')).toMatchObject({
			surveyFrom: '2026-09-01',
			surveyTo: '2026-12-15'
		});
		// touching the other window's last day is an overlap; the day after is not
		expect(
			await changeSurveyWindow(t.db, t.adminId, current, { from: '2025-09-30', to: '2026-12-15' }, NOW)
		).toMatchObject({ ok: false, status: 409 });
		expect(
			await changeSurveyWindow(t.db, t.adminId, current, { from: '2025-10-01', to: '2026-12-15' }, NOW)
		).toEqual({ ok: true });
	});

	it('starts a new period’s default window the day after the latest window ends', async () => {
		// P-2026's window ends 2026-12-15 while the new period's visits start 2026-12-01
		const created = await createPeriod(t.db, settings(), t.adminId, NOW);
		expect(created.ok && [created.value.surveyFrom, created.value.surveyTo]).toEqual([
			'2026-12-16',
			'2027-03-31'
		]);
		// a period after that one starts after it in turn
		const next = await createPeriod(
			t.db,
			settings({ code: 'P-2028', startsOn: '2027-02-01', endsOn: '2027-06-30' }),
			t.adminId,
			NOW
		);
		expect(next.ok && next.value.surveyFrom).toBe('2027-04-01');
	});

	it('refuses an explicit window that overlaps, naming the other period', async () => {
		const r = await createPeriod(
			t.db,
			settings({ surveyFrom: '2026-12-01', surveyTo: '2027-03-31' }),
			t.adminId,
			NOW
		);
		expect(r).toMatchObject({ ok: false, status: 409 });
		expect(r.ok === false && refusalErrors(r).survey_from).toContain('P-2026');
		expect(await findPeriodByCode(t.db, 'P-2027')).toBeNull();
	});

	it('keeps the survey window when the visit dates are edited later', async () => {
		const created = await createPeriod(t.db, settings(), t.adminId, NOW);
		if (!created.ok) throw new Error('not created');
		const edited = await editPeriodSettings(
			t.db,
			'P-2027',
			{ ...created.value, startsOn: '2027-01-05', endsOn: '2027-05-31' },
			t.adminId,
			NOW
		);
		expect(edited.ok && [edited.value.startsOn, edited.value.surveyFrom, edited.value.surveyTo]).toEqual([
			'2027-01-05',
			'2026-12-16',
			'2027-03-31'
		]);
		const overlapping = await editPeriodSettings(
			t.db,
			'P-2027',
			{ ...created.value, surveyFrom: '2026-12-10' },
			t.adminId,
			NOW
		);
		expect(overlapping).toMatchObject({ ok: false, status: 409 });
		expect(overlapping.ok === false && refusalErrors(overlapping).survey_from).toContain('P-2026');
	});
});
