import { createHmac, randomBytes } from 'node:crypto';
import type { OpenDatabase } from '../../db/connection';
import {
	FORM_TOKEN_MAX_AGE_MS,
	parseSubmission,
	periodForMoment,
	signFormToken,
	verifyFormToken,
	type FormTokenMac,
	type PeriodWindow,
	type SubmissionProblem
} from '../../../domain/survey';
import {
	countRateLimitHit,
	findSurveyUnitByToken,
	listSurveyWindowsOfUnit,
	purgeSurveyGuards,
	recordOnlineResponse,
	type OnlineResponse,
	type SurveyUnit
} from './survey-submission.repository';
import {
	countRateLimitHitAsync,
	findSurveyUnitByTokenAsync,
	listSurveyWindowsOfUnitAsync,
	purgeSurveyGuardsAsync,
	recordOnlineResponseAsync
} from './survey-intake-kysely.repository';
import { findOrCreateSurveyFormKey } from './survey-secret.repository';
import type { SurveyLimits } from '../survey-config';
import { hashIp } from '../../accounts/auth.service';
import { readConfig } from '../../config';

// The public survey of one unit (docs/rules.md §6): open by link, one signed single-use token per form.

export interface OpenSurvey {
	unit: SurveyUnit;
	period: PeriodWindow | null;
}

/** null for an unknown (or rotated) link; otherwise the unit and the period taking answers now. */
export async function openSurvey(
	opened: OpenDatabase,
	unitToken: string,
	now: Date
): Promise<OpenSurvey | null> {
	if (!/^[A-Za-z0-9_-]{8,64}$/.test(unitToken)) return null;
	// SQLite: prepared statements on the raw handle; PostgreSQL: the same queries through Kysely.
	const { sqlite, db } = opened;
	const unit = sqlite
		? findSurveyUnitByToken(sqlite, unitToken)
		: await findSurveyUnitByTokenAsync(db, unitToken);
	if (!unit) return null;
	const windows = sqlite
		? listSurveyWindowsOfUnit(sqlite, unit.id)
		: await listSurveyWindowsOfUnitAsync(db, unit.id);
	return { unit, period: periodForMoment(windows, now.getTime(), readConfig().timeZone) };
}

// The key is read once per database connection; it is not per-user state.
const keys = new WeakMap<OpenDatabase, Promise<Uint8Array>>();

export function surveyFormKey(opened: OpenDatabase): Promise<Uint8Array> {
	let key = keys.get(opened);
	if (!key) {
		key = findOrCreateSurveyFormKey(opened.db, () => randomBytes(32).toString('base64url')).then(
			(v) => new Uint8Array(Buffer.from(v, 'base64url'))
		);
		keys.set(opened, key);
	}
	return key;
}

/** HMAC-SHA-256 under the survey key (node:crypto), as the domain's token format expects. */
export function formTokenMac(key: Uint8Array): FormTokenMac {
	return (message) => createHmac('sha256', key).update(message).digest('base64url');
}

export async function issueFormToken(opened: OpenDatabase, unitId: number, now: Date): Promise<string> {
	const nonce = randomBytes(16).toString('base64url');
	return signFormToken(formTokenMac(await surveyFormKey(opened)), { unitId, nonce, issuedAt: now.getTime() });
}

export type SubmitResult =
	| { ok: true; stored: boolean }
	| { ok: false; status: 400; problems: Record<string, SubmissionProblem> }
	| { ok: false; status: 403; reason: 'forged' | 'expired' | 'reused' }
	| { ok: false; status: 404 }
	| { ok: false; status: 410 }
	| { ok: false; status: 429; retryAfterSeconds: number };

export interface SubmitInput {
	unitToken: string;
	fields: Record<string, string>;
	ip: string;
	limits: SurveyLimits;
}

let lastPurge = 0;

/**
 * Hashed IPs are kept a day at most (docs/rules.md §6), used nonces until their tokens have expired anyway.
 * Runs at most once a minute, on survey page views and submissions.
 */
export async function purgeExpiredGuards(opened: OpenDatabase, now: Date): Promise<void> {
	const t = now.getTime();
	if (Math.abs(t - lastPurge) <= 60_000) return;
	lastPurge = t;
	const [limitsBefore, noncesBefore] = [t - 24 * 3600_000, t - FORM_TOKEN_MAX_AGE_MS - 3600_000];
	if (opened.sqlite) purgeSurveyGuards(opened.sqlite, limitsBefore, noncesBefore);
	else await purgeSurveyGuardsAsync(opened.db, limitsBefore, noncesBefore);
}

export async function submitSurvey(
	opened: OpenDatabase,
	input: SubmitInput,
	now: Date
): Promise<SubmitResult> {
	const survey = await openSurvey(opened, input.unitToken, now);
	if (!survey) return { ok: false, status: 404 };
	if (!survey.period) return { ok: false, status: 410 };
	const parsed = parseSubmission(input.fields);
	if (!parsed.ok) return { ok: false, status: 400, problems: parsed.problems };
	const t = now.getTime();
	const check = verifyFormToken(formTokenMac(await surveyFormKey(opened)), input.fields.form_token ?? '', {
		unitId: survey.unit.id,
		now: t
	});
	if (!check.ok) return { ok: false, status: 403, reason: check.reason === 'expired' ? 'expired' : 'forged' };
	// The honeypot: a field people never see. Bots that fill it are told "thanks" and stored nowhere.
	if ((input.fields.website ?? '') !== '') return { ok: true, stored: false };
	if (input.limits.enabled) {
		const retry = await overLimit(opened, input, survey.unit.id, t);
		if (retry > 0) return { ok: false, status: 429, retryAfterSeconds: retry };
	}
	await purgeExpiredGuards(opened, now);
	const { answers, profile, suggestion } = parsed.value;
	const record = (nonce: string, r: OnlineResponse) =>
		opened.sqlite
			? recordOnlineResponse(opened.sqlite, nonce, r)
			: recordOnlineResponseAsync(opened.db, nonce, r);
	const stored = await record(check.claims.nonce, {
		periodId: survey.period.id,
		unitId: survey.unit.id,
		submittedAt: t,
		answers,
		sex: profile.sex,
		ageBand: profile.age_band,
		education: profile.education,
		occupation: profile.occupation,
		service: profile.service,
		suggestion
	});
	return stored ? { ok: true, stored: true } : { ok: false, status: 403, reason: 'reused' };
}

/**
 * Seconds until the limiting window resets, or 0 when there is room. The IP is checked first and
 * a refused IP does not use up the unit's budget, so one noisy network cannot close a unit.
 */
async function overLimit(
	opened: OpenDatabase,
	input: SubmitInput,
	unitId: number,
	t: number
): Promise<number> {
	for (const [key, limit] of [
		[`survey-ip:${hashIp(input.ip)}`, input.limits.perIp],
		[`survey-unit:${unitId}`, input.limits.perUnit]
	] as const) {
		const start = t - (t % limit.windowMs);
		const count = opened.sqlite
			? countRateLimitHit(opened.sqlite, key, start)
			: await countRateLimitHitAsync(opened.db, key, start);
		if (count > limit.max) return Math.ceil((start + limit.windowMs - t) / 1000);
	}
	return 0;
}
