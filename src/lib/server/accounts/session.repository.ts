import type { Db } from '../db/connection';

export interface StoredSession {
	id: string;
	userId: number;
	secretHash: Uint8Array;
	expiresAt: Date;
}

export async function insertSession(db: Db, s: StoredSession, now: Date): Promise<void> {
	await db
		.insertInto('session')
		.values({
			id: s.id,
			user_id: s.userId,
			secret_hash: s.secretHash,
			created_at: now.getTime(),
			expires_at: s.expiresAt.getTime()
		})
		.execute();
}

export async function findSessionById(db: Db, id: string): Promise<StoredSession | null> {
	const row = await db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();
	if (!row) return null;
	return {
		id: row.id,
		userId: row.user_id,
		secretHash: new Uint8Array(row.secret_hash),
		expiresAt: new Date(row.expires_at)
	};
}

export async function updateSessionExpiry(db: Db, id: string, expiresAt: Date): Promise<void> {
	await db.updateTable('session').set({ expires_at: expiresAt.getTime() }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
	await db.deleteFrom('session').where('id', '=', id).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: number, exceptId?: string): Promise<void> {
	let q = db.deleteFrom('session').where('user_id', '=', userId);
	if (exceptId) q = q.where('id', '!=', exceptId);
	await q.execute();
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
	await db.deleteFrom('session').where('expires_at', '<=', now.getTime()).execute();
}
