import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDatabase } from '$lib/server/db';
import { recordEnumeratorResponse } from '$lib/server/enumerators/enumerator.service';

// One face-to-face questionnaire from an enumerator's outbox (README "Survey enumerators"): 201
// when stored, 200 with `replayed: true` when the device's id arrived before, 4xx naming each problem.
export const POST: RequestHandler = async (event) => {
	// The body is read to its end before any refusal: answering before a large body is consumed
	// makes Node drop the connection, and the client sees a network error instead of the 4xx.
	const text = await event.request.text().catch(() => null);
	const user = requireRole(event, 'enumerator');
	const body = parseJson(text);
	if (body === undefined) return json({ problems: ['isi permintaan bukan JSON yang sah'] }, { status: 400 });
	const r = await recordEnumeratorResponse(getDatabase(), user, body, new Date());
	if (!r.ok) return json({ problems: r.problems }, { status: r.status });
	return json(
		{ id: r.responseId, period: r.periodCode, replayed: !r.stored },
		{ status: r.stored ? 201 : 200, headers: { 'cache-control': 'no-store' } }
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
