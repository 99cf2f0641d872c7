import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { officeDate } from '$lib/server/config';
import { loadCoachingOverview } from '$lib/server/coaching/coaching-overview.service';
import { readPage } from '$lib/domain/pagination';
import { readsOfficeData } from '$lib/domain/auth/office-readers';
import { groupCoachingByUnit } from '$lib/domain/coaching/by-unit';

const PAGE_SIZE = 25;
const filterSchema = z.object({
	status: z.enum(['draft', 'active', 'completed', 'cancelled']).optional().catch(undefined),
	periode: z.string().max(64).optional().catch(undefined),
	kategori: z.string().max(64).optional().catch(undefined)
});

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'admin', 'viewer', 'unit_head');
	const office = readsOfficeData(user.role);
	const f = office ? filterSchema.parse(Object.fromEntries(event.url.searchParams)) : {};
	const today = officeDate();
	const overview = await loadCoachingOverview(
		getDb(),
		user,
		{ status: f.status, periodCode: f.periode || undefined, category: f.kategori || undefined },
		today,
		// A unit head reads every plan of their units, grouped by unit, without the office's filters.
		office ? { page: readPage(event.url.searchParams), size: PAGE_SIZE } : undefined
	);
	if (!office) return { head: true as const, units: groupCoachingByUnit(overview.plans, overview.overdue) };
	return {
		head: false as const,
		...overview,
		filter: { status: f.status ?? '', periode: f.periode ?? '', kategori: f.kategori ?? '' },
		isAdmin: readsOfficeData(user.role)
	};
};
