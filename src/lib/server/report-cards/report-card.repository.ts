import type { Db } from '../db/connection';

// Lookups behind the report card and coaching pages (README, Report cards and coaching).

export interface ReportUnit {
	id: number;
	code: string;
	name: string;
	category: string;
}

export async function findReportUnitByCode(db: Db, code: string): Promise<ReportUnit | null> {
	const r = await db
		.selectFrom('unit')
		.innerJoin('category', 'category.id', 'unit.category_id')
		.select(['unit.id', 'unit.code', 'unit.name', 'category.name as category'])
		.where('unit.code', '=', code)
		.executeTakeFirst();
	return r ?? null;
}

export async function isHeadOfUnit(db: Db, userId: number, unitId: number): Promise<boolean> {
	const r = await db
		.selectFrom('unit_head')
		.select('unit_id')
		.where('user_id', '=', userId)
		.where('unit_id', '=', unitId)
		.executeTakeFirst();
	return Boolean(r);
}

export async function readCitySettings(db: Db): Promise<Record<string, string>> {
	const rows = await db.selectFrom('city_setting').select(['key', 'value']).execute();
	return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}
