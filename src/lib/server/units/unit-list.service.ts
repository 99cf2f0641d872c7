import type { Db } from '../db/connection';
import { pageWindow, readPage } from '../../domain/pagination';
import { readUnitListFilter } from '../../domain/list-filter';
import { listUnitsForAdmin } from './unit-catalog.repository';
import { listCategories } from './category.repository';

// The office's lists of units (/admin/unit, /admin/survei): searched, filtered and paged on the
// server, with the filter in the address (`q`, `kategori`, `nonaktif`, `hal`), so that a
// national catalogue of 80,000 units is never sent to the browser at once.

export const UNITS_PER_PAGE = 30;

export async function loadUnitList(db: Db, params: URLSearchParams) {
	const { q, categoryId } = readUnitListFilter(params);
	const includeInactive = params.get('nonaktif') === '1';
	const filter = { query: q || undefined, categoryId, includeInactive };
	const { total } = await listUnitsForAdmin(db, { ...filter, limit: 0, offset: 0 });
	const win = pageWindow(readPage(params), total, UNITS_PER_PAGE);
	const { units } = await listUnitsForAdmin(db, { ...filter, limit: win.limit, offset: win.offset });
	return {
		filter: { q, categoryId: categoryId ?? 0, includeInactive },
		categories: (await listCategories(db)).map((c) => ({ id: c.id, name: c.name })),
		units,
		total,
		page: win.page,
		pages: win.pages
	};
}
