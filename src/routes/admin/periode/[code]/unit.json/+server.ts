import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { findPeriodOr404 } from '$lib/server/periods/period-lookup';
import { searchPeriodUnits } from '$lib/server/units/unit-catalog.repository';
import { m } from '$lib/paraglide/messages';

// Suggestions for a unit field of the office's forms (components/UnitCodeInput.svelte):
// `?q=` part of a code or name, at most SUGGESTIONS units of the period.
const SUGGESTIONS = 20;
const MAX_QUERY = 100;

export const GET: RequestHandler = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const period = await findPeriodOr404(db, event.params.code);
	const query = (event.url.searchParams.get('q') ?? '').trim();
	if (query.length > MAX_QUERY) error(400, m.unit_search_too_long({ max: MAX_QUERY }));
	const units = await searchPeriodUnits(db, period.id, query, SUGGESTIONS);
	return json({ units }, { headers: { 'cache-control': 'private, no-store' } });
};
