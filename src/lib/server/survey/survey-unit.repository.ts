import type { Db } from '../db/connection';

export interface SurveyUnitAdmin {
	id: number;
	code: string;
	name: string;
	category: string;
	active: boolean;
	surveyToken: string;
	yearlyServiceUsers: number | null;
}

const columns = [
	'unit.id',
	'unit.code',
	'unit.name',
	'category.name as category',
	'unit.active',
	'unit.survey_token',
	'unit.yearly_service_users'
] as const;

type Row = {
	id: number;
	code: string;
	name: string;
	category: string;
	active: number;
	survey_token: string;
	yearly_service_users: number | null;
};

const toUnit = (r: Row): SurveyUnitAdmin => ({
	id: r.id,
	code: r.code,
	name: r.name,
	category: r.category,
	active: r.active === 1,
	surveyToken: r.survey_token,
	yearlyServiceUsers: r.yearly_service_users
});

export async function listSurveyUnits(db: Db): Promise<SurveyUnitAdmin[]> {
	const rows = await db
		.selectFrom('unit')
		.innerJoin('category', 'category.id', 'unit.category_id')
		.select(columns)
		.orderBy('category.position')
		.orderBy('unit.code')
		.execute();
	return rows.map(toUnit);
}

export async function findSurveyUnitByCode(db: Db, code: string): Promise<SurveyUnitAdmin | null> {
	const row = await db
		.selectFrom('unit')
		.innerJoin('category', 'category.id', 'unit.category_id')
		.select(columns)
		.where('unit.code', '=', code)
		.executeTakeFirst();
	return row ? toUnit(row) : null;
}

export async function setUnitSurveyToken(db: Db, unitId: number, token: string, now: Date): Promise<void> {
	await db
		.updateTable('unit')
		.set({ survey_token: token, updated_at: now.getTime() })
		.where('id', '=', unitId)
		.execute();
}

export async function setUnitYearlyServiceUsers(
	db: Db,
	unitId: number,
	users: number | null,
	now: Date
): Promise<void> {
	await db
		.updateTable('unit')
		.set({ yearly_service_users: users, updated_at: now.getTime() })
		.where('id', '=', unitId)
		.execute();
}
