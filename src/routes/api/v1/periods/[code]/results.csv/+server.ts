import type { RequestHandler } from './$types';
import { tableOf } from '$lib/server/results/results-api.service';
import { toCsv } from '$lib/domain/scoring/results-table';
import { jsonError, resultsCache } from '$lib/server/http/json';
import { CONTENT_TYPE, fileResponse } from '$lib/server/http/download';
import { callerResults } from '../results-request';

export const GET: RequestHandler = async (event) => {
	const r = await callerResults(event);
	if (!r.ok) return jsonError(r.status, r.message);
	const { doc, table } = tableOf(r.value.json);
	return fileResponse(toCsv(table), CONTENT_TYPE.csv, {
		fileName: `hasil-${doc.period.code}.csv`,
		cache: resultsCache(r.value.published)
	});
};
