import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { boundedSearchText } from '$lib/domain/list-filter';
import { listPeriods } from '$lib/server/periods/period.repository';
import { listUsers } from '$lib/server/accounts/user.repository';
import { listVisitsOfPeriod } from '$lib/server/visits/visit-team.repository';
import { runAssignForm } from './assign-form.server';
import { readPage } from '$lib/domain/pagination';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const periods = await listPeriods(db);
	const code = event.url.searchParams.get('periode');
	const period =
		periods.find((p) => p.code === code) ?? periods.find((p) => p.status === 'running') ?? periods[0];
	const query = boundedSearchText(event.url.searchParams.get('q'));
	const pageNo = readPage(event.url.searchParams);
	const list = period
		? await listVisitsOfPeriod(db, period.id, { query, limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE })
		: { rows: [], total: 0 };
	const { users } = await listUsers(db, { role: 'assessor', limit: 500, offset: 0 });
	return {
		periods: periods.map((p) => ({ code: p.code, name: p.name, status: p.status })),
		period: period ? { code: period.code, name: period.name, status: period.status } : null,
		query,
		page: pageNo,
		pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE)),
		total: list.total,
		visits: list.rows,
		assessors: users.map((u) => ({ email: u.email, name: u.name }))
	};
};

export const actions: Actions = {
	assign: async (event) => {
		const admin = requireRole(event, 'admin');
		const r = await runAssignForm(event, admin.id);
		if (!r.ok) return r.failure;
		redirect(303, `/admin/kunjungan/${r.value.visitId}?ditugaskan=1`);
	}
};
