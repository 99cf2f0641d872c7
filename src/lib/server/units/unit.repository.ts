import type { Db } from '../db/connection';
import { insertCategory } from './category.repository';
import { readInSlices } from '../db/slices';

export interface UnitSummary {
	id: number;
	code: string;
	name: string;
	category: string;
	active: boolean;
}

export async function listUnitsOfHead(db: Db, userId: number): Promise<UnitSummary[]> {
	const rows = await db
		.selectFrom('unit_head')
		.innerJoin('unit', 'unit.id', 'unit_head.unit_id')
		.innerJoin('category', 'category.id', 'unit.category_id')
		.select(['unit.id', 'unit.code', 'unit.name', 'category.name as category', 'unit.active'])
		.where('unit_head.user_id', '=', userId)
		.orderBy('unit.name')
		.execute();
	return rows.map((r) => ({ ...r, active: r.active === 1 }));
}

export async function findUnitIdsByCodes(db: Db, codes: string[]): Promise<Map<string, number>> {
	if (codes.length === 0) return new Map();
	const rows = await readInSlices(codes, (slice) =>
		db.selectFrom('unit').select(['id', 'code']).where('code', 'in', slice).execute()
	);
	return new Map(rows.map((r) => [r.code, r.id]));
}

export async function countEntities(
	db: Db
): Promise<{ units: number; periods: number; users: number; categories: number }> {
	const count = async (table: 'unit' | 'period' | 'user' | 'category') =>
		Number(
			(
				await db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
	return {
		units: await count('unit'),
		periods: await count('period'),
		users: await count('user'),
		categories: await count('category')
	};
}

export async function findOrCreateCategory(db: Db, name: string, position = 0): Promise<number> {
	const found = await db.selectFrom('category').select('id').where('name', '=', name).executeTakeFirst();
	return found ? found.id : insertCategory(db, name, position);
}

export interface NewUnit {
	code: string;
	name: string;
	categoryId: number;
	parentCode?: string | null;
	surveyToken: string;
	yearlyServiceUsers?: number | null;
}

export async function insertUnit(db: Db, u: NewUnit, now: Date): Promise<number> {
	const { id } = await db
		.insertInto('unit')
		.values({
			code: u.code,
			name: u.name,
			category_id: u.categoryId,
			parent_code: u.parentCode ?? null,
			survey_token: u.surveyToken,
			yearly_service_users: u.yearlyServiceUsers ?? null,
			created_at: now.getTime(),
			updated_at: now.getTime()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export async function listUnitCodes(db: Db): Promise<Set<string>> {
	const rows = await db.selectFrom('unit').select('code').execute();
	return new Set(rows.map((r) => r.code));
}

export async function findUnitIdByCode(db: Db, code: string): Promise<number | null> {
	const row = await db.selectFrom('unit').select('id').where('code', '=', code).executeTakeFirst();
	return row?.id ?? null;
}
