import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { runForm } from '$lib/server/http/form-action';
import { auditReasonField } from '$lib/server/http/form-fields';
import { newFormToken, onceField, runOnce } from '$lib/server/http/form-once';
import { listUsers } from '$lib/server/accounts/user.repository';
import { loadVisitForAdmin, reopenSheet } from '$lib/server/sheets/sheet-review.service';
import { removeSheetFromVisit } from '$lib/server/sheets/sheet-removal.service';
import { runAssignForm } from '../assign-form.server';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const visitId = Number(event.params.visitId);
	const view = visitId ? await loadVisitForAdmin(getDb(), visitId) : null;
	if (!view) error(404, m.srv_visit_not_found());
	const { users } = await listUsers(getDb(), { role: 'assessor', limit: 500, offset: 0 });
	const v = view.visit;
	return {
		visit: {
			id: v.visitId,
			periodCode: v.periodCode,
			periodName: v.periodName,
			periodStatus: v.periodStatus,
			correctionOpen: v.correctionOpen,
			unitCode: v.unitCode,
			unitName: v.unitName,
			category: v.category,
			visitNo: v.visitNo,
			kind: v.kind,
			plannedOn: v.plannedOn
		},
		assessors: view.assessors.map((a) => ({ name: a.name, email: a.email })),
		sheets: view.sheets,
		once: newFormToken(),
		allAssessors: users.map((u) => ({ email: u.email, name: u.name })),
		notice: event.url.searchParams.has('ditugaskan')
			? m.fm_done_assigned()
			: event.url.searchParams.has('dibuka')
				? m.fm_done_sheet_reopened()
				: event.url.searchParams.has('dihapus')
					? m.fm_done_sheet_removed()
					: null
	};
};

const reopenSchema = z.object({
	sheetId: z.string().regex(/^\d{1,9}$/, { error: () => m.fm_sheet_unknown() }),
	reason: auditReasonField(() => m.fm_reopen_reason_min(), 1000),
	...onceField
});

const removeSchema = z.object({
	sheetId: z.string().regex(/^\d{1,9}$/, { error: () => m.fm_sheet_unknown() }),
	reason: auditReasonField(() => m.fm_remove_reason_min(), 1000),
	confirm: z.literal('ya', { error: () => m.fm_remove_not_confirmed() })
});

export const actions: Actions = {
	// The redirect is thrown inside runOnce, so that a resent reopen is sent where the first went.
	reopen: async (event) => {
		const admin = requireRole(event, 'admin');
		const visitId = Number(event.params.visitId);
		const r = await runForm(
			await event.request.formData(),
			reopenSchema,
			({ sheetId, reason, once }) =>
				runOnce(admin.id, once, async () => {
					const done = await reopenSheet(
						getDb(),
						{ sheetId: Number(sheetId), visitId, reason, adminId: admin.id },
						new Date()
					);
					if (done.ok) redirect(303, `/admin/kunjungan/${visitId}?dibuka=1`);
					return done;
				}),
			{ tag: { form: 'reopen' as const } }
		);
		return r.ok ? undefined : r.failure;
	},
	remove: async (event) => {
		const admin = requireRole(event, 'admin');
		const visitId = Number(event.params.visitId);
		const r = await runForm(
			await event.request.formData(),
			removeSchema,
			({ sheetId, reason }) =>
				removeSheetFromVisit(
					getDb(),
					{ sheetId: Number(sheetId), visitId, reason, adminId: admin.id },
					new Date()
				),
			{ tag: { form: 'remove' as const } }
		);
		if (!r.ok) return r.failure;
		redirect(303, `/admin/kunjungan/${visitId}?dihapus=1`);
	},
	assign: async (event) => {
		const admin = requireRole(event, 'admin');
		const r = await runAssignForm(event, admin.id);
		if (!r.ok) return r.failure;
		redirect(303, `/admin/kunjungan/${r.value.visitId}?ditugaskan=1`);
	}
};
