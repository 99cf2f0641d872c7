import type { RequestHandler } from './$types';
import { resultsXlsx } from '$lib/server/results/results-xlsx';
import { jsonError, resultsCache } from '$lib/server/http/json';
import { xlsxResponse } from '$lib/server/http/download';
import { callerResultsTable } from '../results-request';

export const GET: RequestHandler = async (event) => {
	const r = await callerResultsTable(event);
	if (!r.ok) return jsonError(r.status, r.message);
	const { doc, table } = r.value;
	const body = await resultsXlsx(table, doc.period.name);
	return xlsxResponse(body, `hasil-${doc.period.code}.xlsx`, resultsCache(r.value.published));
};
