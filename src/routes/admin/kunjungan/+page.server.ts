import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { boundedSearchText } from '$lib/domain/list-filter';
import { listPeriods } from '$lib/server/periods/period.repository';
import { listUsers } from '$lib/server/accounts/user.repository';
import { listVisitsOfPeriod } from '$lib/server/visits/visit-team.repository';
import { runAssignForm } from './assign-form.server';
import { fetchPage, readPage } from '$lib/domain/pagination';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const periods = await listPeriods(db);
	const code = event.url.searchParams.get('periode');
	const period =
		periods.find((p) => p.code === code) ?? periods.find((p) => p.status === 'running') ?? periods[0];
	const query = boundedSearchText(event.url.searchParams.get('q'));
	const { result: list, window: win } = period
		? await fetchPage(readPage(event.url.searchParams), PAGE_SIZE, (limit, offset) =>
				listVisitsOfPeriod(db, period.id, { query, limit, offset })
			)
		: { result: { rows: [], total: 0 }, window: { page: 1, pages: 1 } };
	const { users } = await listUsers(db, { role: 'assessor', limit: 500, offset: 0 });
	return {
		periods: periods.map((p) => ({ code: p.code, name: p.name, status: p.status })),
		period: period ? { code: period.code, name: period.name, status: period.status } : null,
		query,
		page: win.page,
		pages: win.pages,
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
