import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { resultsForCaller, tableOf } from '$lib/server/results/results-api.service';
import { resultsXlsx } from '$lib/server/results/results-xlsx';
import { jsonError } from '$lib/server/http/json';
import { xlsxResponse } from '$lib/server/http/download';

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
	const body = await resultsXlsx(table, doc.period.name);
	return xlsxResponse(
		body,
		`hasil-${doc.period.code}.xlsx`,
		r.value.published ? 'public, max-age=60' : 'private, no-store'
	);
};
