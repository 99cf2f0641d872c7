import type { RequestHandler } from './$types';
import { toCsv } from '$lib/domain/scoring/results-table';
import { jsonError, resultsCache } from '$lib/server/http/json';
import { CONTENT_TYPE, fileResponse } from '$lib/server/http/download';
import { callerResultsTable } from '../results-request';

export const GET: RequestHandler = async (event) => {
	const r = await callerResultsTable(event);
	if (!r.ok) return jsonError(r.status, r.message);
	const { doc, table } = r.value;
	return fileResponse(toCsv(table), CONTENT_TYPE.csv, {
		fileName: `hasil-${doc.period.code}.csv`,
		cache: resultsCache(r.value.published)
	});
};
