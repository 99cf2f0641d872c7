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
export async function listPeriodSurveyUnits(
	db: Db,
	periodId: number
): Promise<
	{ id: number; code: string; name: string; category: string; yearlyServiceUsers: number | null }[]
> {
	const rows = await db
		.selectFrom('period_unit')
		.innerJoin('unit', 'unit.id', 'period_unit.unit_id')
		.innerJoin('category', 'category.id', 'period_unit.category_id')
		.select(['unit.id', 'unit.code', 'unit.name', 'category.name as category', 'unit.yearly_service_users'])
		.where('period_unit.period_id', '=', periodId)
		.orderBy('category.position')
		.orderBy('unit.code')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		code: r.code,
		name: r.name,
		category: r.category,
		yearlyServiceUsers: r.yearly_service_users
	}));
}
