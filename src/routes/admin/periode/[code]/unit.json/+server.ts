import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { findPeriodOr404 } from '$lib/server/periods/period-lookup';
import { listPeriodUnitSuggestions } from '$lib/server/survey/survey-period.repository';
import { SEARCH_TEXT_MAX } from '$lib/domain/list-filter';
import { m } from '$lib/paraglide/messages';

// Suggestions for a unit field of the office's forms (components/UnitCodeInput.svelte):
// `?q=` part of a code or name, at most SUGGESTIONS units of the period. The field never sends more
// than SEARCH_TEXT_MAX characters, so a longer query is a client's mistake and is refused.
const SUGGESTIONS = 20;

export const GET: RequestHandler = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const period = await findPeriodOr404(db, event.params.code);
	const query = (event.url.searchParams.get('q') ?? '').trim();
	if (query.length > SEARCH_TEXT_MAX) error(400, m.unit_search_too_long({ max: SEARCH_TEXT_MAX }));
	const units = await listPeriodUnitSuggestions(db, period.id, query, SUGGESTIONS);
	return json({ units }, { headers: { 'cache-control': 'private, no-store' } });
};
