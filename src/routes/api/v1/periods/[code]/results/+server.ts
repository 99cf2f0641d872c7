import type { RequestHandler } from './$types';
import { jsonError, jsonText } from '$lib/server/http/json';
import { callerResults } from '../results-request';

// GET /api/v1/periods/{code}/results[?category=] (README: "Results JSON").
export const GET: RequestHandler = async (event) => {
	const r = await callerResults(event);
	if (!r.ok) return jsonError(r.status, r.message);
	return jsonText(r.value.json, r.value.published);
};
