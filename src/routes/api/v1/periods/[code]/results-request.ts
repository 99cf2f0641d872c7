import type { RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { resultsForCaller, resultsTableForCaller } from '$lib/server/results/results-api.service';

// The three results downloads (JSON, CSV, XLSX) answer the same question for the same caller
// (README: "Results JSON"): which period, which category, and what this caller's role may see.
type ResultsEvent = Pick<RequestEvent<{ code: string }>, 'params' | 'url' | 'locals'>;

const roleOf = (locals: ResultsEvent['locals']) => locals.user?.role ?? null;

export function callerResults({ params, url, locals }: ResultsEvent) {
	return resultsForCaller(getDb(), params.code, roleOf(locals), url.searchParams.get('category'), new Date());
}

/** The same, as the flat table of the CSV and XLSX downloads. */
export function callerResultsTable({ params, url, locals }: ResultsEvent) {
	return resultsTableForCaller(
		getDb(),
		params.code,
		roleOf(locals),
		url.searchParams.get('category'),
		new Date()
	);
}
