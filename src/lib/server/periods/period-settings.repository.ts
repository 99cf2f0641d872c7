import type { Db } from '../db/connection';
import type { PeriodSettings } from '../../domain/period/settings';
import { DEFAULT_MIN_RANKED_FOR_AWARDS } from '../../domain/scoring/awards';

export async function updatePeriodSettings(db: Db, id: number, s: PeriodSettings, now: Date): Promise<void> {
	await db
		.updateTable('period')
		.set({
			name: s.name,
			required_visits: s.requiredVisits,
			required_assessors: s.requiredAssessors,
			awards_per_category: s.awardsPerCategory,
			min_ranked_for_awards: s.minRankedForAwards ?? DEFAULT_MIN_RANKED_FOR_AWARDS,
			award_min_grade: s.awardMinGrade,
			disagreement_threshold: s.disagreementThreshold,
			coaching_rule: JSON.stringify(s.coachingRule),
			starts_on: s.startsOn,
			ends_on: s.endsOn,
			survey_from: s.surveyFrom,
			survey_to: s.surveyTo,
			updated_at: now.getTime()
		})
		.where('id', '=', id)
		.execute();
}
