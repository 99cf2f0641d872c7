import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDatabase } from '$lib/server/db';
import { recordEnumeratorResponse } from '$lib/server/enumerators/enumerator.service';

// One face-to-face questionnaire from an enumerator's outbox (README "Survey enumerators"): 201
// when stored, 200 with `replayed: true` when the device's id arrived before, 4xx naming each problem.
export const POST: RequestHandler = async (event) => {
	const user = requireRole(event, 'enumerator');
	const body = await event.request.json().catch(() => undefined);
	if (body === undefined) return json({ problems: ['isi permintaan bukan JSON yang sah'] }, { status: 400 });
	const r = await recordEnumeratorResponse(getDatabase(), user, body, new Date());
	if (!r.ok) return json({ problems: r.problems }, { status: r.status });
	return json(
		{ id: r.responseId, period: r.periodCode, replayed: !r.stored },
		{ status: r.stored ? 201 : 200, headers: { 'cache-control': 'no-store' } }
	);
};
