import type { RequestHandler } from './$types';
import { tableOf } from '$lib/server/results/results-api.service';
import { resultsXlsx } from '$lib/server/results/results-xlsx';
import { jsonError, resultsCache } from '$lib/server/http/json';
import { xlsxResponse } from '$lib/server/http/download';
import { callerResults } from '../results-request';

export const GET: RequestHandler = async (event) => {
	const r = await callerResults(event);
	if (!r.ok) return jsonError(r.status, r.message);
	const { doc, table } = tableOf(r.value.json);
	const body = await resultsXlsx(table, doc.period.name);
	return xlsxResponse(body, `hasil-${doc.period.code}.xlsx`, resultsCache(r.value.published));
};
