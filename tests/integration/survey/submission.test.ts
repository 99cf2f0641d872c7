import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { NOW, NO_LIMITS, answers, countResponses, createSurveyFixture, type SurveyFixture } from './fixture';
import {
	formTokenMac,
	issueFormToken,
	openSurvey,
	submitSurvey
} from '../../../src/lib/server/survey/intake/survey.service';
import { signFormToken } from '../../../src/lib/domain/survey';
import { hashIp } from '../../../src/lib/server/accounts/auth.service';

let t: SurveyFixture;
beforeEach(async () => (t = await createSurveyFixture()));
afterEach(() => t.cleanup());

const at = (ms: number) => new Date(NOW.getTime() + ms);

async function submit(
	fields: Record<string, string>,
	opts: { unit?: 'a' | 'b'; ip?: string; now?: Date; limits?: typeof NO_LIMITS } = {}
) {
	const unit = t.units[opts.unit ?? 'a'];
	return submitSurvey(
		t,
		{ unitToken: unit.token, fields, ip: opts.ip ?? '10.1.2.3', limits: opts.limits ?? NO_LIMITS },
		opts.now ?? NOW
	);
}

describe('the survey link and its window', () => {
	it('opens the period whose window contains the moment, and nothing for an unknown link', async () => {
		expect((await openSurvey(t, t.units.a.token, NOW))?.period?.code).toBe('P-2026');
		expect((await openSurvey(t, t.units.a.token, new Date('2025-08-01T03:00:00Z')))?.period?.code).toBe(
			'P-2025'
		);
		expect((await openSurvey(t, t.units.a.token, new Date('2026-01-10T03:00:00Z')))?.period).toBeNull();
		expect(await openSurvey(t, 'no-such-token-x', NOW)).toBeNull();
		expect(await openSurvey(t, '../../etc', NOW)).toBeNull();
	});

	it('files a response under the period of the moment it was given (Jakarta dates)', async () => {
		// 15 Dec 2026 23:30 WIB is the window's last day; 16 Dec 00:30 WIB is closed.
		const lastEvening = new Date('2026-12-15T16:30:00Z');
		const token = await issueFormToken(t, t.units.a.id, lastEvening);
		expect(await submit({ ...answers(), form_token: token }, { now: lastEvening })).toEqual({
			ok: true,
			stored: true
		});
		const row = await t.db
			.selectFrom('survey_response')
			.select(['period_id', 'source'])
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ period_id: t.periods.current, source: 'online' });
		const afterMidnight = new Date('2026-12-15T17:30:00Z');
		const token2 = await issueFormToken(t, t.units.a.id, afterMidnight);
		expect(await submit({ ...answers(), form_token: token2 }, { now: afterMidnight })).toEqual({
			ok: false,
			status: 410
		});
		expect(await countResponses(t)).toBe(1);
	});
});

describe('the signed single-use form token', () => {
	it('stores a valid questionnaire once and refuses the same token again with 403', async () => {
		const token = await issueFormToken(t, t.units.a.id, NOW);
		expect(await submit({ ...answers(), form_token: token, sex: 'P', suggestion: 'Tambah kursi' })).toEqual({
			ok: true,
			stored: true
		});
		expect(await submit({ ...answers(), form_token: token }, { now: at(5000) })).toEqual({
			ok: false,
			status: 403,
			reason: 'reused'
		});
		expect(await countResponses(t)).toBe(1);
		const row = await t.db.selectFrom('survey_response').selectAll().executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			u1: 3,
			u9: 3,
			sex: 'P',
			suggestion: 'Tambah kursi',
			suggestion_status: 'pending'
		});
	});

	it('counts two concurrent posts of one token once', async () => {
		const token = await issueFormToken(t, t.units.a.id, NOW);
		const results = await Promise.all([
			submit({ ...answers(), form_token: token }),
			submit({ ...answers(), form_token: token })
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok && r.status === 403)).toHaveLength(1);
		expect(await countResponses(t)).toBe(1);
	});

	it('refuses forged, foreign, missing and expired tokens with 403 and stores nothing', async () => {
		const forged = signFormToken(formTokenMac(randomBytes(32)), {
			unitId: t.units.a.id,
			nonce: randomBytes(16).toString('base64url'),
			issuedAt: NOW.getTime()
		});
		const otherUnit = await issueFormToken(t, t.units.b.id, NOW);
		const stale = await issueFormToken(t, t.units.a.id, new Date(NOW.getTime() - 13 * 3600_000));
		for (const form_token of [forged, otherUnit, stale, '', 'v1.1.x.y.z']) {
			const r = await submit({ ...answers(), form_token });
			expect(r.ok === false && r.status).toBe(403);
		}
		expect(await countResponses(t)).toBe(0);
	});

	it('answers bad input with 400 before touching the token, so the citizen can fix and resend', async () => {
		const token = await issueFormToken(t, t.units.a.id, NOW);
		const r = await submit({ ...answers(), u4: '5', u9: '', form_token: token });
		expect(r).toEqual({ ok: false, status: 400, problems: { u4: 'out_of_range', u9: 'missing' } });
		expect(await submit({ ...answers(), sex: 'X', form_token: token })).toMatchObject({ status: 400 });
		expect(await countResponses(t)).toBe(0);
		expect(await submit({ ...answers(), form_token: token })).toEqual({ ok: true, stored: true });
	});

	it('tells a bot that filled the honeypot "thanks" and stores nothing', async () => {
		const token = await issueFormToken(t, t.units.a.id, NOW);
		expect(await submit({ ...answers(), form_token: token, website: 'http://spam.example' })).toEqual({
			ok: true,
			stored: false
		});
		expect(await countResponses(t)).toBe(0);
	});

	it('says 410 outside every window, even with a valid token', async () => {
		const closed = new Date('2026-01-10T03:00:00Z');
		const token = await issueFormToken(t, t.units.a.id, closed);
		expect(await submit({ ...answers(), form_token: token }, { now: closed })).toEqual({
			ok: false,
			status: 410
		});
	});
});

describe('rate limits', () => {
	const limits = {
		enabled: true,
		perIp: { max: 2, windowMs: 600_000 },
		perUnit: { max: 3, windowMs: 600_000 }
	};

	it('limits one IP generously but not others, keeps only a hash of the IP, and lifts when disabled', async () => {
		const send = async (ip: string, unit: 'a' | 'b' = 'a', l = limits) =>
			submit(
				{ ...answers(), form_token: await issueFormToken(t, t.units[unit].id, NOW) },
				{ ip, unit, limits: l }
			);
		expect((await send('10.9.9.9')).ok).toBe(true);
		expect((await send('10.9.9.9')).ok).toBe(true);
		const third = await send('10.9.9.9');
		expect(third.ok === false && third.status).toBe(429);
		expect((await send('10.9.9.8')).ok).toBe(true); // another IP, same unit: third for the unit
		const unitFull = await send('10.9.9.7');
		expect(unitFull.ok === false && unitFull.status).toBe(429);
		expect((await send('10.9.9.7', 'b')).ok).toBe(true); // another unit
		expect((await send('10.9.9.9', 'a', { ...limits, enabled: false })).ok).toBe(true);
		const keys = (await t.db.selectFrom('rate_limit').select('key').execute()).map((r) => r.key);
		expect(keys.join(' ')).not.toContain('10.9.9');
		expect(keys).toContain(`survey-ip:${hashIp('10.9.9.9')}`);
		expect(await countResponses(t)).toBe(5);
	});

	it('drops rate-limit rows older than a day', async () => {
		await t.db
			.insertInto('rate_limit')
			.values({ key: 'survey-ip:old', window_start: NOW.getTime() - 2 * 86_400_000, count: 3 })
			.execute();
		const later = at(61_000 + 3600_000);
		const token = await issueFormToken(t, t.units.a.id, later);
		await submit({ ...answers(), form_token: token }, { now: later, limits });
		const left = await t.db.selectFrom('rate_limit').select('key').execute();
		expect(left.map((r) => r.key)).not.toContain('survey-ip:old');
	});
});
