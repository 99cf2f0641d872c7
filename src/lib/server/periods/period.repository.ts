import { sql } from 'kysely';
import type { Db } from '../db/connection';
import type { PeriodStatus } from '../db/schema';
import { textAsBytes } from '../db/dialect';

export interface PeriodSummary {
	id: number;
	code: string;
	name: string;
	status: PeriodStatus;
	instrumentCode: string;
	startsOn: string;
	endsOn: string;
}

export async function listPeriods(db: Db): Promise<PeriodSummary[]> {
	const rows = await db
		.selectFrom('period')
		.innerJoin('instrument', 'instrument.id', 'period.instrument_id')
		.select([
			'period.id',
			'period.code',
			'period.name',
			'period.status',
			'instrument.code as instrumentCode',
			'period.starts_on',
			'period.ends_on'
		])
		.orderBy('period.starts_on', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		code: r.code,
		name: r.name,
		status: r.status,
		instrumentCode: r.instrumentCode,
		startsOn: r.starts_on,
		endsOn: r.ends_on
	}));
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

export async function insertPublication(
	db: Db,
	p: {
		periodId: number;
		revision: number;
		publishedBy: number | null;
		reason: string | null;
		openFlagsConfirmed: boolean;
		/** JSON of the confirmed preflight findings (docs/rules.md §8.1). */
		confirmations?: string;
		/** JSON of what this revision changed (docs/rules.md §8.3). */
		changes?: string;
		snapshot: string;
	},
	now: Date
): Promise<void> {
	await db
		.insertInto('publication')
		.values({
			period_id: p.periodId,
			revision: p.revision,
			published_at: now.getTime(),
			published_by: p.publishedBy,
			reason: p.reason,
			open_flags_confirmed: p.openFlagsConfirmed ? 1 : 0,
			confirmations: p.confirmations ?? '[]',
			changes: p.changes ?? '[]',
			snapshot: p.snapshot
		})
		.execute();
}

export async function hasUnitsOrPeriods(db: Db): Promise<boolean> {
	const unit = await db.selectFrom('unit').select('id').limit(1).executeTakeFirst();
	const period = await db.selectFrom('period').select('id').limit(1).executeTakeFirst();
	return Boolean(unit || period);
}

export interface PeriodDetail {
	id: number;
	code: string;
	name: string;
	status: PeriodStatus;
	instrumentId: number;
	instrumentCode: string;
	requiredVisits: number;
	requiredAssessors: number;
	awardsPerCategory: number;
	awardMinGrade: string | null;
	minRankedForAwards: number;
	disagreementThreshold: number;
}

export async function findPeriodByCode(db: Db, code: string): Promise<PeriodDetail | null> {
	const r = await db
		.selectFrom('period')
		.innerJoin('instrument', 'instrument.id', 'period.instrument_id')
		.select([
			'period.id',
			'period.code',
			'period.name',
			'period.status',
			'period.instrument_id',
			'instrument.code as instrumentCode',
			'period.required_visits',
			'period.required_assessors',
			'period.awards_per_category',
			'period.award_min_grade',
			'period.min_ranked_for_awards',
			'period.disagreement_threshold'
		])
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
		requiredVisits: r.required_visits,
		requiredAssessors: r.required_assessors,
		awardsPerCategory: r.awards_per_category,
		awardMinGrade: r.award_min_grade,
		minRankedForAwards: r.min_ranked_for_awards,
		disagreementThreshold: r.disagreement_threshold
	};
}

export async function latestPublicationRevision(db: Db, periodId: number): Promise<number> {
	const r = await db
		.selectFrom('publication')
		.select((eb) => eb.fn.max('revision').as('rev'))
		.where('period_id', '=', periodId)
		.executeTakeFirst();
	return Number(r?.rev ?? 0);
}

export async function findLatestSnapshot(db: Db, periodId: number): Promise<string | null> {
	const r = await db
		.selectFrom('publication')
		.select('snapshot')
		.where('period_id', '=', periodId)
		.orderBy('revision', 'desc')
		.limit(1)
		.executeTakeFirst();
	return r?.snapshot ?? null;
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

/** The latest snapshot as UTF-8 bytes (served as is by the API). */
export async function findLatestSnapshotBytes(db: Db, periodId: number): Promise<Uint8Array | null> {
	const r = await db
		.selectFrom('publication')
		.select(textAsBytes(db, sql.ref('snapshot')).as('bytes'))
		.where('period_id', '=', periodId)
		.orderBy('revision', 'desc')
		.limit(1)
		.executeTakeFirst();
	return r?.bytes ?? null;
}

/** The part of a period that assignment needs; PeriodDetail carries it. */
export type PeriodRef = Pick<PeriodDetail, 'id' | 'code' | 'name' | 'status' | 'instrumentId'>;

export async function isUnitInPeriod(db: Db, periodId: number, unitId: number): Promise<boolean> {
	const r = await db
		.selectFrom('period_unit')
		.select('unit_id')
		.where('period_id', '=', periodId)
		.where('unit_id', '=', unitId)
		.executeTakeFirst();
	return r !== undefined;
}
