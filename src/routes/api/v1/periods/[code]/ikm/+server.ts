import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { findPeriodByCode } from '$lib/server/periods/period.repository';
import { computePeriodIkm } from '$lib/server/survey/survey-results.service';
import { ikmJson } from '$lib/domain/survey';
import { m } from '$lib/paraglide/messages';

// README: anonymous callers see published (or archived) periods only, 404 otherwise;
// administrators and viewers (session cookie) see any period.
export const GET: RequestHandler = async ({ params, locals }) => {
	const db = getDb();
	const period = await findPeriodByCode(db, params.code);
	const privileged = locals.user?.role === 'admin' || locals.user?.role === 'viewer';
	if (!period || (!privileged && period.status !== 'published' && period.status !== 'archived'))
		error(404, m.srv_period_not_found());
	const result = (await computePeriodIkm(db, period.id))!;
	return json(ikmJson(period.code, result.units));
};
