import { isIsoDate } from '../dates';
import { GRADES, type Grade } from '../scoring/display';
import { checkCoachingRule, type CoachingRule, type CoachingRuleProblem } from '../coaching/rule';

export interface PeriodSettings {
	name: string;
	requiredVisits: number;
	requiredAssessors: number;
	awardsPerCategory: number;
	/** docs/rules.md §8.2; absent means the default (DEFAULT_MIN_RANKED_FOR_AWARDS). */
	minRankedForAwards?: number;
	awardMinGrade: Grade | null;
	disagreementThreshold: number;
	coachingRule: CoachingRule;
	startsOn: string;
	endsOn: string;
	surveyFrom: string;
	surveyTo: string;
}

export const PERIOD_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/;

const between = (v: number, lo: number, hi: number) => Number.isInteger(v) && v >= lo && v <= hi;

/**
 * What can be wrong with a setting, as the code of its message: the server words it in the
 * reader's language (README "Where translation happens").
 */
export type SettingsProblem =
	| 'srv_settings_name'
	| 'srv_settings_visits'
	| 'srv_settings_assessors'
	| 'srv_settings_assessors_above_visits'
	| 'srv_settings_awards'
	| 'srv_settings_min_ranked'
	| 'srv_settings_award_grade'
	| 'srv_settings_disagreement'
	| 'srv_settings_starts_on'
	| 'srv_settings_ends_on'
	| 'srv_settings_ends_before'
	| 'srv_settings_survey_from'
	| 'srv_settings_survey_to'
	| 'srv_settings_survey_ends_before'
	| CoachingRuleProblem;

/** Problems keyed by form field name; empty when the settings can be saved. */
export function checkPeriodSettings(s: PeriodSettings): Record<string, SettingsProblem> {
	const e: Record<string, SettingsProblem> = {};
	if (s.name.trim().length < 3 || s.name.length > 200) e.name = 'srv_settings_name';
	if (!between(s.requiredVisits, 1, 6)) e.visits = 'srv_settings_visits';
	if (!between(s.requiredAssessors, 1, 6)) e.assessors = 'srv_settings_assessors';
	else if (between(s.requiredVisits, 1, 6) && s.requiredAssessors > s.requiredVisits)
		e.assessors = 'srv_settings_assessors_above_visits';
	if (!between(s.awardsPerCategory, 0, 10)) e.awards = 'srv_settings_awards';
	if (s.minRankedForAwards !== undefined && !between(s.minRankedForAwards, 1, 100))
		e.min_ranked = 'srv_settings_min_ranked';
	if (s.awardMinGrade !== null && !GRADES.includes(s.awardMinGrade))
		e.award_min_grade = 'srv_settings_award_grade';
	if (!between(s.disagreementThreshold, 1, 5)) e.disagreement = 'srv_settings_disagreement';
	if (!isIsoDate(s.startsOn)) e.starts_on = 'srv_settings_starts_on';
	if (!isIsoDate(s.endsOn)) e.ends_on = 'srv_settings_ends_on';
	else if (isIsoDate(s.startsOn) && s.endsOn < s.startsOn) e.ends_on = 'srv_settings_ends_before';
	if (!isIsoDate(s.surveyFrom)) e.survey_from = 'srv_settings_survey_from';
	if (!isIsoDate(s.surveyTo)) e.survey_to = 'srv_settings_survey_to';
	else if (isIsoDate(s.surveyFrom) && s.surveyTo < s.surveyFrom)
		e.survey_to = 'srv_settings_survey_ends_before';
	return { ...e, ...checkCoachingRule(s.coachingRule) };
}
