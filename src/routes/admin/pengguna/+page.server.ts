import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listUsers } from '$lib/server/accounts/user.repository';
import { ROLES, type Role } from '$lib/domain/auth/user';
import { fetchPage, readPage } from '$lib/domain/pagination';
import { boundedSearchText } from '$lib/domain/list-filter';

const PAGE_SIZE = 25;

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const params = event.url.searchParams;
	const q = boundedSearchText(params.get('q'));
	const roleParam = params.get('role') ?? '';
	const role = (ROLES as readonly string[]).includes(roleParam) ? (roleParam as Role) : undefined;
	const includeInactive = params.get('nonaktif') === '1';
	const requested = readPage(params);
	const filter = { role, query: q || undefined, includeInactive };
	const { result, window: win } = await fetchPage(requested, PAGE_SIZE, (limit, offset) =>
		listUsers(getDb(), { ...filter, limit, offset })
	);
	const { users, total } = result;
	return {
		filter: { q, role: role ?? '', includeInactive },
		imported: params.get('impor'),
		total,
		page: win.page,
		pages: win.pages,
		users: users.map((u) => ({
			id: u.id,
			name: u.name,
			email: u.email,
			role: u.role,
			active: u.active,
			canSignIn: u.canSignIn,
			affiliationName: u.affiliationName,
			unitCodes: u.unitCodes
		}))
	};
};
