import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listUnitsForAdmin } from '$lib/server/units/unit-catalog.repository';
import { listCategories } from '$lib/server/units/category.repository';
import { pageWindow, readPage } from '$lib/domain/pagination';

const PAGE_SIZE = 30;

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const params = event.url.searchParams;
	const q = (params.get('q') ?? '').trim().slice(0, 100);
	const categoryId = Number(params.get('kategori')) || undefined;
	const includeInactive = params.get('nonaktif') === '1';
	const filter = { query: q || undefined, categoryId, includeInactive };
	const { total } = await listUnitsForAdmin(db, { ...filter, limit: 0, offset: 0 });
	const win = pageWindow(readPage(params), total, PAGE_SIZE);
	const { units } = await listUnitsForAdmin(db, { ...filter, limit: win.limit, offset: win.offset });
	return {
		filter: { q, categoryId: categoryId ?? 0, includeInactive },
		categories: (await listCategories(db)).map((c) => ({ id: c.id, name: c.name })),
		units: units.map((u) => ({
			code: u.code,
			name: u.name,
			category: u.category,
			parentCode: u.parentCode,
			yearlyServiceUsers: u.yearlyServiceUsers,
			active: u.active
		})),
		total,
		page: win.page,
		pages: win.pages,
		imported: params.get('impor')
	};
};
