import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { parseForm } from '$lib/server/http/forms';
import { refusalErrors } from '$lib/server/service-result';
import { findPeriodOr404 } from '$lib/server/periods/period-lookup';
import {
	countPeriodSurveyUnits,
	listStaffedPeriodSurveyUnits,
	listPeriodSurveyUnitsPage
} from '$lib/server/survey/survey-period.repository';
import { listCategories } from '$lib/server/units/category.repository';
import { pageWindow, readPage } from '$lib/domain/pagination';
import { listPeriodEnumerators } from '$lib/server/enumerators/enumerator.repository';
import {
	assignEnumeratorToUnits,
	removeEnumeratorFromUnit
} from '$lib/server/enumerators/enumerator-roster.service';
import { listUsers } from '$lib/server/accounts/user.repository';
import { krejcieMorganSample } from '$lib/domain/survey';
import { groupBy } from '$lib/domain/group-by';
import { m } from '$lib/paraglide/messages';

// The office assigns survey enumerators to the period's units (README "Survey enumerators"). The
// units to tick are searched and paged on the server (`q`, `kategori`, `hal`): a national period
// has 80,000 of them. The roster lists the units that have an enumerator.
const UNITS_PER_PAGE = 100;

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const period = await findPeriodOr404(db, event.params.periodCode);
	const params = event.url.searchParams;
	const q = (params.get('q') ?? '').trim().slice(0, 100);
	const categoryId = Number(params.get('kategori')) || undefined;
	const filter = { query: q || undefined, categoryId };
	const total = await countPeriodSurveyUnits(db, period.id, filter);
	const win = pageWindow(readPage(params), total, UNITS_PER_PAGE);
	const roster = await listPeriodEnumerators(db, period.id);
	const staffed = await listStaffedPeriodSurveyUnits(db, period.id);
	const { users } = await listUsers(db, { role: 'enumerator', limit: 500, offset: 0 });
	const rosterOfUnit = groupBy(roster, (r) => r.unitId);
	return {
		period: { code: period.code, name: period.name, status: period.status },
		filter: { q, categoryId: categoryId ?? 0 },
		categories: (await listCategories(db)).map((c) => ({ id: c.id, name: c.name })),
		choices: (await listPeriodSurveyUnitsPage(db, period.id, filter, win)).map((u) => ({
			code: u.code,
			name: u.name
		})),
		matching: total,
		page: win.page,
		pages: win.pages,
		unstaffed:
			(filter.query || filter.categoryId ? await countPeriodSurveyUnits(db, period.id, {}) : total) -
			staffed.length,
		staffed: staffed.map((u) => {
			const mine = rosterOfUnit.get(u.id) ?? [];
			return {
				code: u.code,
				name: u.name,
				target: u.yearlyServiceUsers ? krejcieMorganSample(u.yearlyServiceUsers) : null,
				entered: mine.reduce((sum, r) => sum + r.entered, 0),
				enumerators: mine.map((r) => ({
					id: r.userId,
					name: r.name,
					email: r.email,
					active: r.active,
					entered: r.entered
				}))
			};
		}),
		assigned: roster.length,
		enumerators: users.map((u) => ({ id: u.id, name: u.name, email: u.email }))
	};
};

const userField = z.coerce
	.number({ error: () => m.roster_bad_enumerator() })
	.int({ error: () => m.roster_bad_enumerator() })
	.positive({ error: () => m.roster_bad_enumerator() });
const removeForm = z.object({
	user: userField,
	unit: z
		.string()
		.trim()
		.min(1, { error: () => m.srv_roster_no_units() }),
	confirm: z.literal('ya', { error: () => m.form_not_confirmed() })
});

export const actions: Actions = {
	assign: async (event) => {
		const user = requireRole(event, 'admin');
		const period = await findPeriodOr404(getDb(), event.params.periodCode);
		const data = await event.request.formData();
		const form = parseForm(z.object({ user: userField }), data);
		const units = data.getAll('unit').filter((v): v is string => typeof v === 'string');
		const values = { ...form.values, units };
		if (!form.ok) return fail(400, { kind: 'assign', values, errors: form.errors });
		const r = await assignEnumeratorToUnits(
			getDb(),
			period,
			{ userId: form.data.user, unitCodes: units },
			user.id,
			new Date()
		);
		if (!r.ok) return fail(r.status, { kind: 'assign', values, errors: refusalErrors(r) });
		redirect(
			303,
			`/admin/survei/${period.code}/enumerator?ditugaskan=${r.value.count}&email=${encodeURIComponent(r.value.email)}`
		);
	},
	remove: async (event) => {
		const user = requireRole(event, 'admin');
		const period = await findPeriodOr404(getDb(), event.params.periodCode);
		const form = parseForm(removeForm, await event.request.formData());
		if (!form.ok) return fail(400, { kind: 'remove', values: form.values, errors: form.errors });
		const r = await removeEnumeratorFromUnit(
			getDb(),
			period,
			{ userId: form.data.user, unitCode: form.data.unit },
			user.id,
			new Date()
		);
		if (!r.ok) return fail(r.status, { kind: 'remove', values: form.values, errors: refusalErrors(r) });
		redirect(303, `/admin/survei/${period.code}/enumerator?dicabut=${encodeURIComponent(r.value.email)}`);
	}
};
