import type { Db } from '../db/connection';

export type AuditEntityId = string | number | null;

/**
 * The audit trail of one actor at one moment, written through `db` (a service's transaction, so
 * an entry lands with the change it records or not at all). `actorId` is null for what nobody
 * signed in did; `detail` is the JSON object the audit page reads as "field: old → new"
 * (domain/audit/audit-detail.ts).
 */
export function auditTrail(db: Db, actorId: number | null, now: Date) {
	return {
		async record(
			action: string,
			entity: string,
			entityId: AuditEntityId = null,
			detail: Record<string, unknown> = {}
		): Promise<void> {
			await db
				.insertInto('audit_log')
				.values({
					at: now.getTime(),
					user_id: actorId,
					action,
					entity,
					entity_id: entityId == null ? null : String(entityId),
					detail: JSON.stringify(detail)
				})
				.execute();
		}
	};
}
