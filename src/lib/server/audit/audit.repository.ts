import type { Db } from '../db/connection';

export interface AuditEntry {
	userId: number | null;
	action: string;
	entity: string;
	entityId?: string | number | null;
	detail?: Record<string, unknown>;
}

export async function recordAudit(db: Db, e: AuditEntry, now: Date): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			at: now.getTime(),
			user_id: e.userId,
			action: e.action,
			entity: e.entity,
			entity_id: e.entityId == null ? null : String(e.entityId),
			detail: JSON.stringify(e.detail ?? {})
		})
		.execute();
}
