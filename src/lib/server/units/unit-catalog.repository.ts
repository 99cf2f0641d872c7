import type { Db } from '../db/connection';
import type { ExistingUnit } from '../../domain/import/unit-rows';
import { anyColumnContains } from '../db/dialect';

// Unit queries of the administration pages and imports.

export interface UnitDetail {
	id: number;
	code: string;
	name: string;
	categoryId: number;
	category: string;
	parentCode: string | null;
	address: string | null;
	yearlyServiceUsers: number | null;
	active: boolean;
}

const detailColumns = [
	'unit.id',
	'unit.code',
	'unit.name',
	'unit.category_id as categoryId',
	'category.name as category',
	'unit.parent_code as parentCode',
	'unit.address',
	'unit.yearly_service_users as yearlyServiceUsers',
	'unit.active'
] as const;

export interface UnitListFilter {
	query?: string;
	categoryId?: number;
	includeInactive?: boolean;
	limit: number;
	offset: number;
}

export async function listUnitsForAdmin(
	db: Db,
	f: UnitListFilter
): Promise<{ units: UnitDetail[]; total: number }> {
	let q = db.selectFrom('unit').innerJoin('category', 'category.id', 'unit.category_id');
	if (f.categoryId) q = q.where('unit.category_id', '=', f.categoryId);
	if (!f.includeInactive) q = q.where('unit.active', '=', 1);
	if (f.query) q = q.where(anyColumnContains(db, ['unit.name', 'unit.code'], f.query));
	const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
	const rows = await q
		.select(detailColumns)
		.orderBy('category.position')
		.orderBy('unit.code')
		.limit(f.limit)
		.offset(f.offset)
		.execute();
	return { units: rows.map((r) => ({ ...r, active: r.active === 1 })), total: Number(total) };
}

export async function findUnitByCode(db: Db, code: string): Promise<UnitDetail | null> {
	const row = await db
		.selectFrom('unit')
		.innerJoin('category', 'category.id', 'unit.category_id')
		.select(detailColumns)
		.where('unit.code', '=', code)
		.executeTakeFirst();
	return row ? { ...row, active: row.active === 1 } : null;
}

export async function listExistingUnits(db: Db): Promise<ExistingUnit[]> {
	return db
		.selectFrom('unit')
		.innerJoin('category', 'category.id', 'unit.category_id')
		.select(['unit.code', 'unit.name', 'category.name as category', 'unit.parent_code as parentCode'])
		.execute();
}

export interface UnitChanges {
	code?: string;
	name?: string;
	categoryId?: number;
	parentCode?: string | null;
	address?: string | null;
	yearlyServiceUsers?: number | null;
	active?: boolean;
}

export async function updateUnit(db: Db, id: number, c: UnitChanges, now: Date): Promise<void> {
	await db
		.updateTable('unit')
		.set({
			code: c.code,
			name: c.name,
			category_id: c.categoryId,
			parent_code: c.parentCode,
			address: c.address,
			yearly_service_users: c.yearlyServiceUsers,
			active: c.active === undefined ? undefined : c.active ? 1 : 0,
			updated_at: now.getTime()
		})
		.where('id', '=', id)
		.execute();
}

/** README: units added while a period is draft or running join it, with their category now. */
export async function addUnitToOpenPeriods(db: Db, unitId: number, categoryId: number): Promise<number> {
	const periods = await db
		.selectFrom('period')
		.select('id')
		.where('status', 'in', ['draft', 'running'])
		.execute();
	if (periods.length === 0) return 0;
	await db
		.insertInto('period_unit')
		.values(periods.map((p) => ({ period_id: p.id, unit_id: unitId, category_id: categoryId })))
		.onConflict((oc) => oc.doNothing())
		.execute();
	return periods.length;
}
