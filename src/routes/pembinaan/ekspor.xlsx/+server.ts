import { z } from 'zod';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { officeDate } from '$lib/server/config';
import { listCoachingExportRows } from '$lib/server/coaching/coaching-overview.service';
import { writeCoachingWorkbook } from '$lib/server/coaching/coaching-xlsx';
import { xlsxResponse } from '$lib/server/http/download';

const filterSchema = z.object({
	status: z.enum(['draft', 'active', 'completed', 'cancelled']).optional().catch(undefined),
	periode: z.string().max(64).optional().catch(undefined),
	kategori: z.string().max(64).optional().catch(undefined)
});

export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'admin', 'viewer', 'unit_head');
	const f = filterSchema.parse(Object.fromEntries(event.url.searchParams));
	const today = officeDate();
	const rows = await listCoachingExportRows(
		getDb(),
		user,
		{ status: f.status, periodCode: f.periode || undefined, category: f.kategori || undefined },
		today
	);
	const body = await writeCoachingWorkbook(rows);
	return xlsxResponse(body, `pembinaan-${today}.xlsx`, 'private, no-store');
};
