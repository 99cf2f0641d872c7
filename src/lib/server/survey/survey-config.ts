import { readConfig } from '../config';

// Survey rate limits (README: RATE_LIMITS=off lifts them). Generous on purpose: one IP is often
// a whole office Wi-Fi, a mobile carrier's gateway or a counter tablet (docs/rules.md §6).
export interface SurveyLimit {
	max: number;
	windowMs: number;
}

export interface SurveyLimits {
	enabled: boolean;
	perIp: SurveyLimit;
	perUnit: SurveyLimit;
}

/** "count/seconds", e.g. "120/600": at most 120 responses per 10 minutes. */
function parseLimit(value: string | undefined, fallback: SurveyLimit): SurveyLimit {
	const m = /^(\d+)\/(\d+)$/.exec(value?.trim() ?? '');
	if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) return fallback;
	return { max: Number(m[1]), windowMs: Number(m[2]) * 1000 };
}

export function readSurveyLimits(env: Record<string, string | undefined> = process.env): SurveyLimits {
	return {
		enabled: readConfig(env).rateLimits,
		perIp: parseLimit(env.SURVEY_RATE_LIMIT_IP, { max: 120, windowMs: 600_000 }),
		perUnit: parseLimit(env.SURVEY_RATE_LIMIT_UNIT, { max: 1000, windowMs: 600_000 })
	};
}

let fromEnvironment: SurveyLimits | undefined;

/** The limits of this server process (the environment does not change while it runs). */
export function surveyLimits(): SurveyLimits {
	fromEnvironment ??= readSurveyLimits();
	return fromEnvironment;
}
