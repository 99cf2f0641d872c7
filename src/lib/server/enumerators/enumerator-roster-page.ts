import type { Db } from '../db/connection';
import type { Period } from '../periods/period.repository';
import {
	countPeriodSurveyUnits,
	listPeriodSurveyUnitsPage,
	listStaffedPeriodSurveyUnits
} from '../survey/survey-period.repository';
import { listCategories } from '../units/category.repository';
import { listUsers } from '../accounts/user.repository';
import { listPeriodEnumerators } from './enumerator.repository';
import { pageWindow, readPage } from '../../domain/pagination';
import { readUnitListFilter } from '../../domain/list-filter';
import { krejcieMorganSample } from '../../domain/survey';
import { groupBy } from '../../domain/group-by';

// The enumerator roster of a period (README "Survey enumerators"). The units to tick are searched
// and paged on the server (`q`, `kategori`, `hal`): a national period has 80,000 of them. The
// roster itself lists only the units that have an enumerator.
const UNITS_PER_PAGE = 100;

export async function loadRosterPage(db: Db, period: Period, params: URLSearchParams) {
	const { q, categoryId } = readUnitListFilter(params);
	const filter = { query: q || undefined, categoryId };
	const matching = await countPeriodSurveyUnits(db, period.id, filter);
	const win = pageWindow(readPage(params), matching, UNITS_PER_PAGE);
	const all = q || categoryId ? await countPeriodSurveyUnits(db, period.id, {}) : matching;
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
		matching,
		page: win.page,
		pages: win.pages,
		unstaffed: all - staffed.length,
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
}
