import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { runForm } from '$lib/server/http/form-action';
import { listInstruments } from '$lib/server/periods/instrument.repository';
import { cloneInstrument } from '$lib/server/periods/instrument-admin.service';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	return { instruments: await listInstruments(getDb()) };
};

// Built per request: the messages follow the reader's language (README "Pages").
const cloneForm = () =>
	z.object({
		source: z.string().trim().min(1, m.ins_clone_source_required()).max(60),
		code: z.string().trim().min(1, m.ins_clone_code_required()).max(60, m.ins_clone_code_long()),
		name: z.string().trim().min(3, m.ins_clone_name_short()).max(200, m.ins_clone_name_long())
	});

export const actions: Actions = {
	clone: async (event) => {
		const admin = requireRole(event, 'admin');
		const r = await runForm(await event.request.formData(), cloneForm(), ({ source, code, name }) =>
			cloneInstrument(getDb(), source, code, name, admin.id, new Date())
		);
		if (!r.ok) return r.failure;
		redirect(303, `/admin/instrumen/${encodeURIComponent(r.value)}?disalin=1`);
	}
};
