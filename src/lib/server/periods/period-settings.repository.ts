import type { Db } from '../db/connection';
import type { PeriodStatus } from '../db/schema';
import type { PeriodSettings } from '../../domain/period/settings';
import { readCoachingRule } from '../../domain/coaching/rule';
import type { Grade } from '../../domain/scoring/display';
import { DEFAULT_MIN_RANKED_FOR_AWARDS } from '../../domain/scoring/awards';

export interface PeriodDetail extends PeriodSettings {
	id: number;
	code: string;
	status: PeriodStatus;
	instrumentId: number;
	instrumentCode: string;
	instrumentName: string;
	unitCount: number;
}

export async function findPeriodDetailByCode(db: Db, code: string): Promise<PeriodDetail | null> {
	const r = await db
		.selectFrom('period')
		.innerJoin('instrument', 'instrument.id', 'period.instrument_id')
		.selectAll('period')
		.select(['instrument.code as instrumentCode', 'instrument.name as instrumentName'])
		.select((eb) =>
			eb
				.selectFrom('period_unit')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('period_unit.period_id', '=', 'period.id')
				.as('unitCount')
		)
		.where('period.code', '=', code)
		.executeTakeFirst();
	if (!r) return null;
	return {
		id: r.id,
		code: r.code,
		name: r.name,
		status: r.status,
		instrumentId: r.instrument_id,
		instrumentCode: r.instrumentCode,
		instrumentName: r.instrumentName,
		unitCount: Number(r.unitCount ?? 0),
		requiredVisits: r.required_visits,
		requiredAssessors: r.required_assessors,
		awardsPerCategory: r.awards_per_category,
		minRankedForAwards: r.min_ranked_for_awards,
		awardMinGrade: r.award_min_grade as Grade | null,
		disagreementThreshold: r.disagreement_threshold,
		coachingRule: readCoachingRule(r.coaching_rule),
		startsOn: r.starts_on,
		endsOn: r.ends_on,
		surveyFrom: r.survey_from,
		surveyTo: r.survey_to
	};
}

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
