import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { runForm } from '$lib/server/http/form-action';
import { headsUnit, loadUnitObjections } from '$lib/server/objections/objection-page.service';
import { fileObjection } from '$lib/server/objections/objection.service';
import { OBJECTION_REASON_MAX } from '$lib/domain/objections';
import { m } from '$lib/paraglide/messages';

// The unit head's side of the objection window (docs/rules.md §9.2): provisional scores without
// rank, and an objection per indicator with a claimed level, a reason and evidence.
const objectionForm = z.object({
	indicator: z
		.string()
		.trim()
		.min(1, { error: () => m.srv_objection_indicator_missing() })
		.max(40),
	level: z.coerce
		.number({ error: () => m.srv_objection_level_pick() })
		.int()
		.min(0)
		.max(5, { error: () => m.srv_objection_level_pick() }),
	reason: z
		.string()
		.trim()
		.min(1, { error: () => m.srv_objection_reason_required() })
		.max(OBJECTION_REASON_MAX, {
			error: () => m.srv_objection_reason_too_long({ max: OBJECTION_REASON_MAX })
		})
});

/** The evidence files sent with the objection (an empty file input sends one empty file). */
async function attachedFiles(data: FormData) {
	const files: { name: string; bytes: Uint8Array }[] = [];
	for (const f of data.getAll('file'))
		if (f instanceof File && f.size > 0)
			files.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
	return files;
}

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'unit_head');
	const page = await loadUnitObjections(
		getDb(),
		user,
		event.params.unitCode,
		event.params.periodCode,
		new Date()
	);
	if (!page) error(404, m.srv_unit_or_period_not_found());
	return { ...page, done: event.url.searchParams.has('terkirim') };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'unit_head');
		// Another unit's head learns nothing, not even which fields are wrong (README "Pages").
		if (!(await headsUnit(getDb(), user.id, event.params.unitCode)))
			error(404, m.srv_unit_or_period_not_found());
		const data = await event.request.formData();
		const r = await runForm(data, objectionForm, async (input) =>
			fileObjection(
				getDb(),
				readConfig().uploadDir,
				{
					periodCode: event.params.periodCode,
					unitCode: event.params.unitCode,
					indicatorCode: input.indicator,
					claimedLevel: input.level,
					reason: input.reason,
					files: await attachedFiles(data),
					userId: user.id
				},
				new Date()
			)
		);
		if (!r.ok) return r.failure;
		redirect(303, `${event.url.pathname}?terkirim`);
	}
};
