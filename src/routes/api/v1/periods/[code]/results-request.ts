import type { RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { resultsForCaller } from '$lib/server/results/results-api.service';

// The three results downloads (JSON, CSV, XLSX) answer the same question for the same caller
// (README: "Results JSON"): which period, which category, and what this caller's role may see.
export function callerResults({
	params,
	url,
	locals
}: Pick<RequestEvent<{ code: string }>, 'params' | 'url' | 'locals'>) {
	return resultsForCaller(
		getDb(),
		params.code,
		locals.user?.role ?? null,
		url.searchParams.get('category'),
		new Date()
	);
}
