import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listInstruments } from '$lib/server/periods/instrument.repository';

export const load: PageServerLoad = async (event) => {
	requireUser(event);
	return { instruments: await listInstruments(getDb()) };
};
