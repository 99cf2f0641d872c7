import { isIsoDate } from '../dates';
import { GRADES, type Grade } from '../scoring/display';
import { checkCoachingRule, type CoachingRule } from '../coaching/rule';

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

/** Field errors keyed by form field name; empty when the settings can be saved. */
export function checkPeriodSettings(s: PeriodSettings): Record<string, string> {
	const e: Record<string, string> = {};
	if (s.name.trim().length < 3 || s.name.length > 200) e.name = 'Nama periode 3–200 karakter.';
	if (!between(s.requiredVisits, 1, 6)) e.visits = 'Jumlah kunjungan 1–6.';
	if (!between(s.requiredAssessors, 1, 6)) e.assessors = 'Jumlah penilai berbeda 1–6.';
	else if (between(s.requiredVisits, 1, 6) && s.requiredAssessors > s.requiredVisits)
		e.assessors =
			'Penilai berbeda tidak boleh lebih banyak dari jumlah kunjungan (satu penilai per kunjungan).';
	if (!between(s.awardsPerCategory, 0, 10)) e.awards = 'Penghargaan per kategori 0–10.';
	if (s.minRankedForAwards !== undefined && !between(s.minRankedForAwards, 1, 100))
		e.min_ranked = 'Unit diperingkat minimal 1–100.';
	if (s.awardMinGrade !== null && !GRADES.includes(s.awardMinGrade))
		e.award_min_grade = 'Predikat tidak dikenal.';
	if (!between(s.disagreementThreshold, 1, 5)) e.disagreement = 'Ambang selisih 1–5.';
	if (!isIsoDate(s.startsOn)) e.starts_on = 'Tanggal mulai tidak valid.';
	if (!isIsoDate(s.endsOn)) e.ends_on = 'Tanggal selesai tidak valid.';
	else if (isIsoDate(s.startsOn) && s.endsOn < s.startsOn)
		e.ends_on = 'Tanggal selesai harus sesudah tanggal mulai.';
	if (!isIsoDate(s.surveyFrom)) e.survey_from = 'Tanggal mulai survei tidak valid.';
	if (!isIsoDate(s.surveyTo)) e.survey_to = 'Tanggal akhir survei tidak valid.';
	else if (isIsoDate(s.surveyFrom) && s.surveyTo < s.surveyFrom)
		e.survey_to = 'Akhir survei harus sesudah awalnya.';
	return { ...e, ...checkCoachingRule(s.coachingRule) };
}
