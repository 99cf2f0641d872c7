import type { Db } from '../db/connection';
import { sql } from 'kysely';
import { anyColumnContains } from '../db/dialect';
import { readInSlices } from '../db/slices';
import type { UnitSuggestion } from '../../domain/list-filter';

export async function setSurveyWindow(
	db: Db,
	periodId: number,
	window: { from: string; to: string },
	now: Date
): Promise<void> {
	await db
		.updateTable('period')
		.set({ survey_from: window.from, survey_to: window.to, updated_at: now.getTime() })
		.where('id', '=', periodId)
		.execute();
}

/** Units the period covers, with the unit's yearly number of service users. */
export interface PeriodSurveyUnit {
	id: number;
	code: string;
	name: string;
	category: string;
	yearlyServiceUsers: number | null;
}

function periodSurveyUnits(db: Db, periodId: number) {
	return db
		.selectFrom('period_unit')
		.innerJoin('unit', 'unit.id', 'period_unit.unit_id')
		.innerJoin('category', 'category.id', 'period_unit.category_id')
		.select(['unit.id', 'unit.code', 'unit.name', 'category.name as category', 'unit.yearly_service_users'])
		.where('period_unit.period_id', '=', periodId);
}

function toPeriodSurveyUnit(r: {
	id: number;
	code: string;
	name: string;
	category: string;
	yearly_service_users: number | null;
}): PeriodSurveyUnit {
	return {
		id: r.id,
		code: r.code,
		name: r.name,
		category: r.category,
		yearlyServiceUsers: r.yearly_service_users
	};
}

export async function listPeriodSurveyUnits(db: Db, periodId: number): Promise<PeriodSurveyUnit[]> {
	const rows = await periodSurveyUnits(db, periodId)
		.orderBy('category.position')
		.orderBy('unit.code')
		.execute();
	return rows.map(toPeriodSurveyUnit);
}

/** The period's survey units in the same category of the period as `unitCode`, by code. */
export async function listPeriodSurveyUnitsBesides(
	db: Db,
	periodId: number,
	unitCode: string
): Promise<PeriodSurveyUnit[]> {
	const rows = await periodSurveyUnits(db, periodId)
		.where('period_unit.category_id', '=', (eb) =>
			eb
				.selectFrom('period_unit as own')
				.innerJoin('unit as u', 'u.id', 'own.unit_id')
				.select('own.category_id')
				.where('own.period_id', '=', periodId)
				.where('u.code', '=', unitCode)
		)
		.orderBy('unit.code')
		.execute();
	return rows.map(toPeriodSurveyUnit);
}

/** The period's survey units of the given codes (codes it does not cover are left out), in category order within each slice of codes. */
export async function listPeriodSurveyUnitsByCode(
	db: Db,
	periodId: number,
	codes: readonly string[]
): Promise<PeriodSurveyUnit[]> {
	const rows = await readInSlices(codes, (slice) =>
		periodSurveyUnits(db, periodId)
			.where('unit.code', 'in', slice)
			.orderBy('category.position')
			.orderBy('unit.code')
			.execute()
	);
	return rows.map(toPeriodSurveyUnit);
}

/** One unit as the period's survey covers it; null when the period does not cover the unit. */
export async function findPeriodSurveyUnit(
	db: Db,
	periodId: number,
	unitId: number
): Promise<PeriodSurveyUnit | null> {
	const r = await periodSurveyUnits(db, periodId).where('unit.id', '=', unitId).executeTakeFirst();
	return r ? toPeriodSurveyUnit(r) : null;
}

export interface PeriodSurveyUnitFilter {
	/** part of the code or name */
	query?: string;
	/** the unit's category in the period */
	categoryId?: number;
}

function matching(db: Db, periodId: number, f: PeriodSurveyUnitFilter) {
	let q = periodSurveyUnits(db, periodId);
	if (f.categoryId) q = q.where('period_unit.category_id', '=', f.categoryId);
	if (f.query) q = q.where(anyColumnContains(db, ['unit.code', 'unit.name'], f.query));
	return q;
}

/** How many of the period's survey units match the filter. */
export async function countPeriodSurveyUnits(
	db: Db,
	periodId: number,
	f: PeriodSurveyUnitFilter
): Promise<number> {
	const { total } = await matching(db, periodId, f)
		.clearSelect()
		.select((eb) => eb.fn.countAll<number>().as('total'))
		.executeTakeFirstOrThrow();
	return Number(total);
}

/** One page of the period's survey units that match the filter, in category order. */
export async function listPeriodSurveyUnitsPage(
	db: Db,
	periodId: number,
	f: PeriodSurveyUnitFilter,
	page: { limit: number; offset: number }
): Promise<PeriodSurveyUnit[]> {
	const rows = await matching(db, periodId, f)
		.orderBy('category.position')
		.orderBy('unit.code')
		.limit(page.limit)
		.offset(page.offset)
		.execute();
	return rows.map(toPeriodSurveyUnit);
}

/**
 * Up to `limit` of the period's units whose code or name contains `query`, codes that start with
 * it first: the suggestions of a unit field, so that a form never lists a national catalogue.
 */
export async function listPeriodUnitSuggestions(
	db: Db,
	periodId: number,
	query: string,
	limit: number
): Promise<UnitSuggestion[]> {
	const startsWith = sql<number>`case when lower(substr(${sql.ref('unit.code')}, 1, ${query.length})) = ${query.toLowerCase()} then 0 else 1 end`;
	const rows = await matching(db, periodId, { query })
		.orderBy(startsWith)
		.orderBy('unit.code')
		.limit(limit)
		.execute();
	return rows.map((r) => ({ code: r.code, name: r.name, category: r.category }));
}

/** The period's survey units that have at least one enumerator, in category order. */
export async function listStaffedPeriodSurveyUnits(db: Db, periodId: number): Promise<PeriodSurveyUnit[]> {
	const rows = await periodSurveyUnits(db, periodId)
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('survey_enumerator as se')
					.select('se.unit_id')
					.where('se.period_id', '=', periodId)
					.whereRef('se.unit_id', '=', 'unit.id')
			)
		)
		.orderBy('category.position')
		.orderBy('unit.code')
		.execute();
	return rows.map(toPeriodSurveyUnit);
}
