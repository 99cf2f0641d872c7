import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDatabase } from '$lib/server/db';
import { recordEnumeratorResponse } from '$lib/server/enumerators/enumerator.service';
import { refusalProblems, refuse } from '$lib/server/service-result';

// One face-to-face questionnaire from an enumerator's outbox (README "Survey enumerators"): 201
// when stored, 200 with `replayed: true` when the device's id arrived before, 4xx naming each problem.
export const POST: RequestHandler = async (event) => {
	// The body is read to its end before any refusal: answering before a large body is consumed
	// makes Node drop the connection, and the client sees a network error instead of the 4xx.
	const text = await event.request.text().catch(() => null);
	const user = requireRole(event, 'enumerator');
	const body = parseJson(text);
	const r =
		body === undefined
			? refuse(400, 'srv_enum_body_not_json')
			: await recordEnumeratorResponse(getDatabase(), user, body, new Date());
	if (!r.ok) return json({ problems: refusalProblems(r) }, { status: r.status });
	const { responseId, periodCode, stored } = r.value;
	return json(
		{ id: responseId, period: periodCode, replayed: !stored },
		{ status: stored ? 201 : 200, headers: { 'cache-control': 'no-store' } }
	);
};

function parseJson(text: string | null): unknown {
	if (text === null) return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
