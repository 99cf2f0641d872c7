import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { resultsForCaller, tableOf } from '$lib/server/results/results-api.service';
import { resultsXlsx } from '$lib/server/results/results-xlsx';
import { jsonError } from '$lib/server/http/json';

export const GET: RequestHandler = async ({ params, url, locals }) => {
	const r = await resultsForCaller(
		getDb(),
		params.code,
		locals.user?.role ?? null,
		url.searchParams.get('category'),
		new Date()
	);
	if (!r.ok) return jsonError(r.status, r.error);
	const { doc, table } = tableOf(r.json);
	const body = await resultsXlsx(table, doc.period.name);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="hasil-${doc.period.code}.xlsx"`,
			'cache-control': r.published ? 'public, max-age=60' : 'private, no-store'
		}
	});
};
