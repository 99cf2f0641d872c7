import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { findInstrumentByCode } from '$lib/server/periods/instrument.repository';
import { countPeriodsUsingInstrument } from '$lib/server/periods/instrument-edit.repository';
import { editInstrument } from '$lib/server/periods/instrument-admin.service';
import { validateInstrument } from '$lib/domain/instrument';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const stored = await findInstrumentByCode(db, event.params.code);
	if (!stored) error(404, m.ins_edit_missing());
	return {
		def: stored.def,
		basedOnCode: stored.basedOnCode,
		locked: (await countPeriodsUsingInstrument(db, stored.id)) > 0,
		copied: event.url.searchParams.has('disalin'),
		warnings: validateInstrument(stored.def).warnings
	};
};

const MAX_FIELDS = 5000;

export const actions: Actions = {
	default: async (event) => {
		const admin = requireRole(event, 'admin');
		const fields: Record<string, string> = {};
		let n = 0;
		for (const [k, v] of (await event.request.formData()).entries())
			if (typeof v === 'string' && ++n <= MAX_FIELDS && k.length < 100) fields[k] = v;
		const r = await editInstrument(getDb(), event.params.code, fields, admin.id, new Date());
		if (!r.ok)
			return fail(r.status, {
				fields,
				message: r.message,
				issues: r.issues ?? [],
				warnings: r.warnings ?? []
			});
		return { saved: true, warnings: r.value.warnings };
	}
};
