import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { findPeriodByCode } from '$lib/server/periods/period.repository';
import { listScheduledVisits } from '$lib/server/visits/visit-plan.repository';
import { writeScheduleXlsx } from '$lib/server/visits/schedule-xlsx';
import { xlsxResponse } from '$lib/server/http/download';
import { m } from '$lib/paraglide/messages';

export const GET: RequestHandler = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const period = await findPeriodByCode(db, event.params.code);
	if (!period) error(404, m.srv_period_not_found());
	const body = await writeScheduleXlsx(period, await listScheduledVisits(db, period.id));
	return xlsxResponse(body, `jadwal-${period.code}.xlsx`);
};
