import { readConfig, type Env, type RateLimit } from '../config';

// Survey rate limits (README: RATE_LIMITS=off lifts them). Generous on purpose: one IP is often
// a whole office Wi-Fi, a mobile carrier's gateway or a counter tablet (docs/rules.md §6).
export type SurveyLimit = RateLimit;

export interface SurveyLimits {
	enabled: boolean;
	perIp: SurveyLimit;
	perUnit: SurveyLimit;
}

/** Limits from SURVEY_RATE_LIMIT_IP / _UNIT ("count/seconds", validated in config.ts). */
export function readSurveyLimits(env?: Env): SurveyLimits {
	const config = readConfig(env);
	return { enabled: config.rateLimits, perIp: config.surveyRateLimitIp, perUnit: config.surveyRateLimitUnit };
}

let fromEnvironment: SurveyLimits | undefined;

/** The limits of this server process (the environment does not change while it runs). */
export function surveyLimits(): SurveyLimits {
	fromEnvironment ??= readSurveyLimits();
	return fromEnvironment;
}
