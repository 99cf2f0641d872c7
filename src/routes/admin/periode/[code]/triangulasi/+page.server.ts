import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { loadTriangulation } from '$lib/server/complaints/triangulation.service';
import {
	readSort,
	sortTriangulation,
	triangulationRow,
	type TriangulatedUnit
} from '$lib/domain/triangulation';
import { isPublished } from '$lib/domain/period-status';
import { pageOf, readPage } from '$lib/domain/pagination';
import { fmtDate, fmtDecimal } from '$lib/i18n/display';
import { m } from '$lib/paraglide/messages';

// docs/rules.md §9.3: IPP, IKM and complaint handling side by side per category (admin and viewer).
export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'admin', 'viewer');
	const found = await loadTriangulation(getDb(), event.params.code, new Date());
	if (!found) error(404, m.srv_period_code_not_found({ period: event.params.code }));
	const params = event.url.searchParams;
	const wanted = params.get('kategori');
	const current = found.categories.find((c) => c.name === wanted) ?? found.categories[0] ?? null;
	const sort = readSort(params.get('urut'), params.get('arah'));
	return {
		period: {
			code: found.period.code,
			name: found.period.name,
			published: isPublished(found.period.status),
			surveyFrom: fmtDate(found.period.surveyFrom),
			surveyTo: fmtDate(found.period.surveyTo)
		},
		categories: found.categories.map((c) => ({
			name: c.name,
			flagged: c.units.filter((u) => u.disagreements.length > 0).length
		})),
		anyComplaints: found.categories.some((c) => c.units.some((u) => u.complaints !== null)),
		category: current
			? pagedCategory(current.name, sortTriangulation(current.units, sort.key, sort.dir), readPage(params))
			: null,
		sort,
		isAdmin: user.role === 'admin'
	};
};

/** One page of a category's rows, in the chosen order (a national category has 16,000 units). */
function pagedCategory(name: string, sorted: TriangulatedUnit[], requested: number) {
	const shown = pageOf(sorted, requested);
	return {
		name,
		rows: shown.rows.map((u) => triangulationRow(u, fmtDecimal)),
		page: shown.page,
		pages: shown.pages,
		total: shown.total
	};
}
