import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { findInstrumentByCode } from '$lib/server/periods/instrument.repository';
import { validateInstrument } from '$lib/domain/instrument';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	requireUser(event);
	const stored = await findInstrumentByCode(getDb(), event.params.code);
	if (!stored) error(404, m.fm_instrument_not_found({ code: event.params.code }));
	return {
		instrument: stored.def,
		notes: stored.notes,
		sources: stored.sources,
		basedOnCode: stored.basedOnCode,
		validation: validateInstrument(stored.def)
	};
};
