import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { resultsForCaller, tableOf } from '$lib/server/results/results-api.service';
import { toCsv } from '$lib/domain/scoring/results-table';
import { jsonError } from '$lib/server/http/json';
import { CONTENT_TYPE, fileResponse } from '$lib/server/http/download';

export const GET: RequestHandler = async ({ params, url, locals }) => {
	const r = await resultsForCaller(
		getDb(),
		params.code,
		locals.user?.role ?? null,
		url.searchParams.get('category'),
		new Date()
	);
	if (!r.ok) return jsonError(r.status, r.message);
	const { doc, table } = tableOf(r.value.json);
	return fileResponse(toCsv(table), CONTENT_TYPE.csv, {
		fileName: `hasil-${doc.period.code}.csv`,
		cache: r.value.published ? 'public, max-age=60' : 'private, no-store'
	});
};
