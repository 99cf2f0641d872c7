import type { RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { resultsForCaller, resultsTableForCaller } from '$lib/server/results/results-api.service';

// The three results downloads (JSON, CSV, XLSX) answer the same question for the same caller
// (README: "Results JSON"): which period, which category, and what this caller's role may see.
type ResultsEvent = Pick<RequestEvent<{ code: string }>, 'params' | 'url' | 'locals'>;

function question({ params, url, locals }: ResultsEvent) {
	return [
		getDb(),
		params.code,
		locals.user?.role ?? null,
		url.searchParams.get('category'),
		new Date()
	] as const;
}

export const callerResults = (event: ResultsEvent) => resultsForCaller(...question(event));

/** The same, as the flat table of the CSV and XLSX downloads. */
export const callerResultsTable = (event: ResultsEvent) => resultsTableForCaller(...question(event));
