import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { confirmedForm, sameTarget } from '$lib/server/http/forms';
import { runForm } from '$lib/server/http/form-action';
import { findPeriodOr404 } from '$lib/server/periods/period-lookup';
import { listScheduledVisits } from '$lib/server/visits/visit-plan.repository';
import { confirmSchedule, previewSchedule } from '$lib/server/visits/visit-planning.service';
import { pageWindow, readPage } from '$lib/domain/pagination';

const PAGE_SIZE = 100;

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const period = await findPeriodOr404(db, event.params.code);
	const visits = await listScheduledVisits(db, period.id);
	const assessorFilter = Number(event.url.searchParams.get('penilai')) || 0;
	const shown = visits.filter((v) => !assessorFilter || v.assessors.some((a) => a.id === assessorFilter));
	const win = pageWindow(readPage(event.url.searchParams), shown.length, PAGE_SIZE);
	return {
		period: {
			code: period.code,
			name: period.name,
			status: period.status,
			startsOn: period.startsOn,
			endsOn: period.endsOn,
			requiredVisits: period.requiredVisits
		},
		canPlan: period.status === 'draft' || period.status === 'running',
		confirmed: event.url.searchParams.get('dibuat'),
		assessorFilter,
		total: shown.length,
		page: win.page,
		pages: win.pages,
		visits: shown.slice(win.offset, win.offset + win.limit).map((v) => ({
			id: v.visitId,
			unitCode: v.unitCode,
			unitName: v.unitName,
			category: v.category,
			visitNo: v.visitNo,
			plannedOn: v.plannedOn,
			assessors: v.assessors.map((a) => ({ id: a.id, name: a.name, submitted: a.submitted }))
		}))
	};
};

export const actions: Actions = {
	// Both forms name their period, checked against the URL: an empty or stray post plans nothing.
	// Neither has a field to show a problem beside, so every problem is the page's (formLevel).
	preview: async (event) => {
		requireRole(event, 'admin');
		const r = await runForm(
			await event.request.formData(),
			sameTarget('period', event.params.code),
			() => previewSchedule(getDb(), event.params.code),
			{ formLevel: true }
		);
		return r.ok ? { preview: r.value } : r.failure;
	},
	confirm: async (event) => {
		const admin = requireRole(event, 'admin');
		const r = await runForm(
			await event.request.formData(),
			sameTarget('period', event.params.code).extend(confirmedForm.shape),
			() => confirmSchedule(getDb(), event.params.code, admin.id, new Date()),
			{ formLevel: true }
		);
		if (!r.ok) return r.failure;
		redirect(303, `/admin/periode/${encodeURIComponent(event.params.code)}/jadwal?dibuat=${r.value.created}`);
	}
};
