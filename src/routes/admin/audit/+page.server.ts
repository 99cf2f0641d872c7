import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import {
	listAuditActors,
	listAuditEntities,
	listAuditEntries
} from '$lib/server/audit/audit-query.repository';
import { addDays, isIsoDate } from '$lib/domain/dates';
import { pageWindow, readPage } from '$lib/domain/pagination';
import { auditEntityLabel, toAuditRow } from '$lib/server/audit/audit-view';
import { m } from '$lib/paraglide/messages';

const PAGE_SIZE = 50;
// Dates are days of the city (README: TZ Asia/Jakarta, UTC+7 without daylight saving).
const startOfDay = (iso: string) => Date.parse(`${iso}T00:00:00+07:00`);

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const params = event.url.searchParams;
	const userId = Number(params.get('pengguna')) || undefined;
	const entity = (params.get('entitas') ?? '').slice(0, 50) || undefined;
	const from = params.get('dari') ?? '';
	const to = params.get('sampai') ?? '';
	const dateError =
		(from && !isIsoDate(from)) || (to && !isIsoDate(to))
			? m.audit_date_invalid()
			: from && to && to < from
				? m.audit_date_order()
				: null;
	const filter = {
		userId,
		entity,
		fromMs: !dateError && from ? startOfDay(from) : undefined,
		toMs: !dateError && to ? startOfDay(addDays(to, 1)) : undefined
	};
	const { total } = await listAuditEntries(db, { ...filter, limit: 0, offset: 0 });
	const win = pageWindow(readPage(params), total, PAGE_SIZE);
	const { entries } = await listAuditEntries(db, { ...filter, limit: win.limit, offset: win.offset });
	return {
		filter: { userId: userId ?? 0, entity: entity ?? '', from, to },
		dateError,
		actors: await listAuditActors(db),
		entities: (await listAuditEntities(db)).map((e) => ({ code: e, label: auditEntityLabel(e) })),
		entries: entries.map(toAuditRow),
		total,
		page: win.page,
		pages: win.pages
	};
};
