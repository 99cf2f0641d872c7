import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { findPeriodOr404 } from '$lib/server/periods/period-lookup';
import { listScheduledVisits } from '$lib/server/visits/visit-plan.repository';
import { writeScheduleXlsx } from '$lib/server/visits/schedule-xlsx';
import { xlsxResponse } from '$lib/server/http/download';

export const GET: RequestHandler = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const period = await findPeriodOr404(db, event.params.code);
	const body = await writeScheduleXlsx(period, await listScheduledVisits(db, period.id));
	return xlsxResponse(body, `jadwal-${period.code}.xlsx`);
};
