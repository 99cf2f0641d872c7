import type { Db } from '../db/connection';

// Reading the audit log for the admin viewer (writing lives in audit.repository.ts).

export interface AuditFilter {
	userId?: number;
	entity?: string;
	fromMs?: number;
	toMs?: number;
	limit: number;
	offset: number;
}

export interface AuditRecord {
	id: number;
	at: Date;
	userName: string | null;
	userEmail: string | null;
	action: string;
	entity: string;
	entityId: string | null;
	detail: string;
}

export async function listAuditEntries(
	db: Db,
	f: AuditFilter
): Promise<{ entries: AuditRecord[]; total: number }> {
	let q = db.selectFrom('audit_log').leftJoin('user', 'user.id', 'audit_log.user_id');
	if (f.userId) q = q.where('audit_log.user_id', '=', f.userId);
	if (f.entity) q = q.where('audit_log.entity', '=', f.entity);
	if (f.fromMs !== undefined) q = q.where('audit_log.at', '>=', f.fromMs);
	if (f.toMs !== undefined) q = q.where('audit_log.at', '<', f.toMs);
	const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
	const rows = await q
		.select([
			'audit_log.id',
			'audit_log.at',
			'user.name as userName',
			'user.email as userEmail',
			'audit_log.action',
			'audit_log.entity',
			'audit_log.entity_id as entityId',
			'audit_log.detail'
		])
		.orderBy('audit_log.at', 'desc')
		.orderBy('audit_log.id', 'desc')
		.limit(f.limit)
		.offset(f.offset)
		.execute();
	return { entries: rows.map((r) => ({ ...r, at: new Date(r.at) })), total: Number(total) };
}

export async function listAuditEntities(db: Db): Promise<string[]> {
	const rows = await db.selectFrom('audit_log').select('entity').distinct().orderBy('entity').execute();
	return rows.map((r) => r.entity);
}

export async function listAuditActors(db: Db): Promise<{ id: number; name: string }[]> {
	return db
		.selectFrom('user')
		.select(['user.id', 'user.name'])
		.where((eb) =>
			eb.exists(
				eb.selectFrom('audit_log').select('audit_log.id').whereRef('audit_log.user_id', '=', 'user.id')
			)
		)
		.orderBy('user.name')
		.execute();
}
