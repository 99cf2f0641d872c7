import { error, fail, redirect } from '@sveltejs/kit';
import { match as isId } from '../../../params/id';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { loadAssessorSheet } from '$lib/server/sheets/sheet-view.service';
import { removeEvidence } from '$lib/server/sheets/evidence.service';
import { persistPostedSheet } from './persist.server';
import { sheetIncompleteText } from '$lib/i18n/sheet-text';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'assessor');
	const visitId = Number(event.params.visitId);
	const sheet = visitId ? await loadAssessorSheet(getDb(), visitId, user.id) : null;
	if (!sheet) error(404, m.srv_visit_not_yours());
	return { sheet, userId: user.id, justSubmitted: event.url.searchParams.has('terkirim') };
};

export const actions: Actions = {
	save: async (event) => {
		requireRole(event, 'assessor');
		const p = await persistPostedSheet(event, await event.request.formData(), 'save');
		if (!p.ok) return p.response;
		if (p.uploadErrors.length)
			return fail(400, {
				message: m.srv_sheet_saved_files_refused(),
				uploadErrors: p.uploadErrors
			});
		return { saved: true, version: p.version };
	},
	// Without JavaScript the submit button first lands here: saved, checked, then a confirmation
	// with its own button, because submitting cannot be undone by the assessor.
	confirm: async (event) => {
		requireRole(event, 'assessor');
		const p = await persistPostedSheet(event, await event.request.formData(), 'save');
		if (!p.ok) return p.response;
		if (p.problems.length)
			return fail(400, {
				message: sheetIncompleteText(p.problems.length),
				problems: p.problems,
				version: p.version
			});
		return { confirm: true, saved: true, version: p.version };
	},
	submit: async (event) => {
		requireRole(event, 'assessor');
		const p = await persistPostedSheet(event, await event.request.formData(), 'submit');
		if (!p.ok) return p.response;
		redirect(303, `/penilaian/${p.visitId}?terkirim=1`);
	},
	// Without JavaScript a remove button posts the whole sheet: the draft is saved first.
	removeEvidence: async (event) => {
		requireRole(event, 'assessor');
		const form = await event.request.formData();
		const raw = String(form.get('removeEvidence') ?? '');
		const evidenceId = isId(raw) ? Number(raw) : null;
		if (!evidenceId) return fail(400, { message: m.srv_evidence_delete_unknown() });
		const p = await persistPostedSheet(event, form, 'save');
		if (!p.ok) return p.response;
		const r = await removeEvidence(getDb(), { evidenceId, visitId: p.visitId, userId: p.userId }, new Date());
		if (!r.ok) return fail(r.status, { message: r.message });
		return { saved: true, version: p.version, removed: true };
	}
};
