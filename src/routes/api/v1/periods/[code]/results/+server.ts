import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { resultsForCaller } from '$lib/server/results/results-api.service';
import { jsonError, jsonText } from '$lib/server/http/json';

// GET /api/v1/periods/{code}/results[?category=] (README: "Results JSON").
export const GET: RequestHandler = async ({ params, url, locals }) => {
	const r = await resultsForCaller(
		getDb(),
		params.code,
		locals.user?.role ?? null,
		url.searchParams.get('category'),
		new Date()
	);
	if (!r.ok) return jsonError(r.status, r.message);
	return jsonText(r.value.json, r.value.published);
};
