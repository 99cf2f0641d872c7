import type { Db } from '../db/connection';

export interface CategoryListItem {
	id: number;
	name: string;
	position: number;
	active: boolean;
	unitCount: number;
}

/** The categories in the order of every list of them: position, then name (docs/rules.md §8.8). */
const categoriesInOrder = (db: Db) =>
	db.selectFrom('category').orderBy('category.position').orderBy('category.name');

/** Every category with its active units counted. */
export async function listCategories(db: Db): Promise<CategoryListItem[]> {
	const rows = await categoriesInOrder(db)
		.leftJoin('unit', (j) => j.onRef('unit.category_id', '=', 'category.id').on('unit.active', '=', 1))
		.select(['category.id', 'category.name', 'category.position', 'category.active'])
		.select((eb) => eb.fn.count<number>('unit.id').as('unitCount'))
		.groupBy('category.id')
		.execute();
	return rows.map((r) => ({ ...r, active: r.active === 1, unitCount: Number(r.unitCount) }));
}

/**
 * The names alone, without counting each category's units: at 80,000 units the count costs tens
 * of milliseconds on every results run (README, "Benchmark").
 */
export async function listCategoryNames(db: Db): Promise<string[]> {
	const rows = await categoriesInOrder(db).select('category.name').execute();
	return rows.map((r) => r.name);
}

export async function findCategoryById(db: Db, id: number): Promise<CategoryListItem | null> {
	return (await listCategories(db)).find((c) => c.id === id) ?? null;
}

export async function findCategoryByName(db: Db, name: string): Promise<{ id: number; name: string } | null> {
	const row = await db
		.selectFrom('category')
		.select(['id', 'name'])
		.where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
		.executeTakeFirst();
	return row ?? null;
}

export async function insertCategory(db: Db, name: string, position: number): Promise<number> {
	const { id } = await db
		.insertInto('category')
		.values({ name, position })
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export async function updateCategory(
	db: Db,
	id: number,
	c: { name?: string; position?: number; active?: boolean }
): Promise<void> {
	await db
		.updateTable('category')
		.set({
			name: c.name,
			position: c.position,
			active: c.active === undefined ? undefined : c.active ? 1 : 0
		})
		.where('id', '=', id)
		.execute();
}

export async function nextCategoryPosition(db: Db): Promise<number> {
	const row = await db
		.selectFrom('category')
		.select((eb) => eb.fn.max<number | null>('position').as('max'))
		.executeTakeFirst();
	return (row?.max ?? -1) + 1;
}
