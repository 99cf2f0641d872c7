import type { Db } from '../db/connection';

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

/** One unit as the period's survey covers it; null when the period does not cover the unit. */
export async function findPeriodSurveyUnit(
	db: Db,
	periodId: number,
	unitId: number
): Promise<PeriodSurveyUnit | null> {
	const r = await periodSurveyUnits(db, periodId).where('unit.id', '=', unitId).executeTakeFirst();
	return r ? toPeriodSurveyUnit(r) : null;
}
