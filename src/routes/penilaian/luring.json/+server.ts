import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { loadOfflineBundle } from '$lib/server/offline/offline-bundle.service';

// "Siapkan untuk luring": the assessor's open sheets with their rubrics, for the device to keep.
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'assessor');
	const bundle = await loadOfflineBundle(getDb(), user.id, new Date());
	return json(bundle, { headers: { 'cache-control': 'no-store' } });
};
