import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { runForm } from '$lib/server/http/form-action';
import { m } from '$lib/paraglide/messages';
import { findPeriodOr404 } from '$lib/server/periods/period-lookup';
import { listSuggestions } from '$lib/server/survey/survey-response.repository';
import { moderateSuggestion } from '$lib/server/survey/survey-admin.service';
import { readPage } from '$lib/domain/pagination';

const PAGE_SIZE = 25;
const STATUSES = ['pending', 'approved', 'rejected'] as const;

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'admin', 'viewer');
	const period = await findPeriodOr404(getDb(), event.params.periodCode);
	const raw = event.url.searchParams.get('status') ?? 'pending';
	const status = (STATUSES as readonly string[]).includes(raw)
		? (raw as (typeof STATUSES)[number])
		: undefined;
	const pageNo = readPage(event.url.searchParams);
	const { total, items } = await listSuggestions(getDb(), {
		periodId: period.id,
		status,
		limit: PAGE_SIZE,
		offset: (pageNo - 1) * PAGE_SIZE
	});
	return {
		canEdit: user.role === 'admin',
		period: { code: period.code, name: period.name },
		status: status ?? 'all',
		page: pageNo,
		pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		total,
		items: items.map((s) => ({ ...s, submittedAt: s.submittedAt.toISOString() }))
	};
};

const moderateForm = z.object({
	id: z.string().regex(/^\d{1,12}$/, { error: () => m.fm_suggestion_unknown() }),
	status: z.enum(STATUSES, { error: () => m.fm_status_unknown() })
});

export const actions: Actions = {
	default: async (event) => {
		const user = requireRole(event, 'admin');
		const period = await findPeriodOr404(getDb(), event.params.periodCode);
		const r = await runForm(
			await event.request.formData(),
			moderateForm,
			({ id, status }) => moderateSuggestion(getDb(), user.id, period.id, Number(id), status, new Date()),
			{ formLevel: true }
		);
		if (!r.ok) return r.failure;
		redirect(303, event.url.pathname + event.url.search);
	}
};
