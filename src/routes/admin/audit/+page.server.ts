import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import {
	listAuditActors,
	listAuditEntities,
	listAuditEntries
} from '$lib/server/audit/audit-query.repository';
import { addDays, dayStart, isIsoDate } from '$lib/domain/dates';
import { readConfig } from '$lib/server/config';
import { pageWindow, readPage } from '$lib/domain/pagination';
import { auditEntityLabel, toAuditRow } from '$lib/server/audit/audit-view';
import { m } from '$lib/paraglide/messages';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const db = getDb();
	const params = event.url.searchParams;
	const userId = Number(params.get('pengguna')) || undefined;
	const entity = (params.get('entitas') ?? '').slice(0, 50) || undefined;
	const from = params.get('dari') ?? '';
	const to = params.get('sampai') ?? '';
	const zone = readConfig().timeZone;
	const dateError =
		(from && !isIsoDate(from)) || (to && !isIsoDate(to))
			? m.audit_date_invalid()
			: from && to && to < from
				? m.audit_date_order()
				: null;
	const filter = {
		userId,
		entity,
		// Days of the office (README, TZ)
		fromMs: !dateError && from ? dayStart(from, zone) : undefined,
		toMs: !dateError && to ? dayStart(addDays(to, 1), zone) : undefined
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
