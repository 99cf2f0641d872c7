import type { Db } from '../db/connection';
import type { Selectable } from 'kysely';
import type { PeriodStatus, PeriodTable } from '../db/schema';
import type { PeriodSettings } from '../../domain/period/settings';
import type { Grade } from '../../domain/scoring/display';
import { readCoachingRule } from '../../domain/coaching/rule';

/**
 * The one reader of a period (docs/rules.md, "Periods"): every service and page reads a period
 * through `findPeriodByCode`, `findPeriodById` or `listPeriods`, as this one type.
 */
export interface Period extends PeriodSettings {
	id: number;
	code: string;
	status: PeriodStatus;
	instrumentId: number;
	instrumentCode: string;
	instrumentName: string;
	/** units the period covers (period_unit) */
	unitCount: number;
	minRankedForAwards: number;
	coachingItems: number;
}

function selectPeriods(db: Db) {
	return db
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
		);
}

type PeriodRow = Selectable<PeriodTable> & {
	instrumentCode: string;
	instrumentName: string;
	unitCount: number | null;
};

const toPeriod = (r: PeriodRow): Period => ({
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
	coachingItems: r.coaching_items,
	startsOn: r.starts_on,
	endsOn: r.ends_on,
	surveyFrom: r.survey_from,
	surveyTo: r.survey_to
});

export async function findPeriodByCode(db: Db, code: string): Promise<Period | null> {
	const r = await selectPeriods(db).where('period.code', '=', code).executeTakeFirst();
	return r ? toPeriod(r) : null;
}

export async function findPeriodById(db: Db, id: number): Promise<Period | null> {
	const r = await selectPeriods(db).where('period.id', '=', id).executeTakeFirst();
	return r ? toPeriod(r) : null;
}

/** Newest first, by the period's start or (the survey pages) by its survey window. */
export async function listPeriods(db: Db, by: 'starts_on' | 'survey_from' = 'starts_on'): Promise<Period[]> {
	const rows = await selectPeriods(db).orderBy(`period.${by}`, 'desc').execute();
	return rows.map(toPeriod);
}

export async function listPublishedPeriods(
	db: Db
): Promise<{ code: string; name: string; publishedAt: Date }[]> {
	const rows = await db
		.selectFrom('period')
		.innerJoin('publication', 'publication.period_id', 'period.id')
		.select(['period.code', 'period.name', (eb) => eb.fn.max('publication.published_at').as('published_at')])
		.where('period.status', 'in', ['published', 'archived'])
		.groupBy(['period.id', 'period.code', 'period.name'])
		.orderBy('published_at', 'desc')
		.execute();
	return rows.map((r) => ({ code: r.code, name: r.name, publishedAt: new Date(Number(r.published_at)) }));
}

export interface NewPeriod {
	code: string;
	name: string;
	instrumentId: number;
	status?: PeriodStatus;
	requiredVisits?: number;
	requiredAssessors?: number;
	awardsPerCategory?: number;
	startsOn: string;
	endsOn: string;
	surveyFrom?: string;
	surveyTo?: string;
}

export async function insertPeriod(db: Db, p: NewPeriod, now: Date): Promise<number> {
	const { id } = await db
		.insertInto('period')
		.values({
			code: p.code,
			name: p.name,
			instrument_id: p.instrumentId,
			status: p.status ?? 'draft',
			required_visits: p.requiredVisits ?? 2,
			required_assessors: p.requiredAssessors ?? 2,
			awards_per_category: p.awardsPerCategory ?? 2,
			starts_on: p.startsOn,
			ends_on: p.endsOn,
			survey_from: p.surveyFrom ?? p.startsOn,
			survey_to: p.surveyTo ?? p.endsOn,
			created_at: now.getTime(),
			updated_at: now.getTime()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

/** A period covers every active unit, each with the category it has at that moment. */
export async function addActiveUnitsToPeriod(db: Db, periodId: number): Promise<number> {
	const result = await db
		.insertInto('period_unit')
		.columns(['period_id', 'unit_id', 'category_id'])
		.expression((eb) =>
			eb
				.selectFrom('unit')
				.select([eb.cast<number>(eb.val(periodId), 'bigint').as('period_id'), 'unit.id', 'unit.category_id'])
				.where('unit.active', '=', 1)
		)
		.onConflict((oc) => oc.doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function setPeriodStatus(
	db: Db,
	periodId: number,
	status: PeriodStatus,
	now: Date
): Promise<void> {
	await db
		.updateTable('period')
		.set({ status, updated_at: now.getTime() })
		.where('id', '=', periodId)
		.execute();
}

export async function hasUnitsOrPeriods(db: Db): Promise<boolean> {
	const unit = await db.selectFrom('unit').select('id').limit(1).executeTakeFirst();
	const period = await db.selectFrom('period').select('id').limit(1).executeTakeFirst();
	return Boolean(unit || period);
}

/** Unit id by code for the units the period covers. */
export async function mapPeriodUnitIds(db: Db, periodId: number): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('period_unit')
		.innerJoin('unit', 'unit.id', 'period_unit.unit_id')
		.select(['unit.code', 'unit.id'])
		.where('period_unit.period_id', '=', periodId)
		.execute();
	return new Map(rows.map((r) => [r.code, r.id]));
}

/** The part of a period that assignment needs; Period carries it. */
export type PeriodRef = Pick<Period, 'id' | 'code' | 'name' | 'status' | 'instrumentId'>;

export async function isUnitInPeriod(db: Db, periodId: number, unitId: number): Promise<boolean> {
	const r = await db
		.selectFrom('period_unit')
		.select('unit_id')
		.where('period_id', '=', periodId)
		.where('unit_id', '=', unitId)
		.executeTakeFirst();
	return r !== undefined;
}
