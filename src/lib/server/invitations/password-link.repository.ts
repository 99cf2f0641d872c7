import type { Db } from '../db/connection';
import type { Role } from '../../domain/auth/user';
import { readInSlices } from '../db/slices';

export interface StoredPasswordLink {
	id: string;
	userId: number;
	secretHash: Uint8Array;
	expiresAt: Date;
	usedAt: Date | null;
}

export async function insertPasswordLink(
	db: Db,
	link: { id: string; userId: number; secretHash: Uint8Array; expiresAt: Date },
	now: Date
): Promise<void> {
	await db
		.insertInto('password_link')
		.values({
			id: link.id,
			user_id: link.userId,
			secret_hash: link.secretHash,
			created_at: now.getTime(),
			expires_at: link.expiresAt.getTime(),
			used_at: null
		})
		.execute();
}

export async function findPasswordLink(db: Db, id: string): Promise<StoredPasswordLink | null> {
	const row = await db.selectFrom('password_link').selectAll().where('id', '=', id).executeTakeFirst();
	if (!row) return null;
	return {
		id: row.id,
		userId: row.user_id,
		secretHash: new Uint8Array(row.secret_hash),
		expiresAt: new Date(row.expires_at),
		usedAt: row.used_at === null ? null : new Date(row.used_at)
	};
}

/** Marks the link used; false when another request used it first (single use under races). */
export async function markPasswordLinkUsed(db: Db, id: string, now: Date): Promise<boolean> {
	const r = await db
		.updateTable('password_link')
		.set({ used_at: now.getTime() })
		.where('id', '=', id)
		.where('used_at', 'is', null)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) === 1;
}

/** A new link replaces the account's earlier unused ones. */
export async function deleteUnusedLinksOfUser(db: Db, userId: number): Promise<void> {
	await db.deleteFrom('password_link').where('user_id', '=', userId).where('used_at', 'is', null).execute();
}

export interface InviteeRow {
	id: number;
	name: string;
	email: string;
	role: Role;
	active: boolean;
}

export async function listActiveUsersWithoutPassword(db: Db): Promise<InviteeRow[]> {
	const rows = await db
		.selectFrom('user')
		.select(['id', 'name', 'email', 'role'])
		.where('password_hash', 'is', null)
		.where('active', '=', 1)
		.orderBy('name')
		.execute();
	return rows.map((r) => ({ ...r, active: true }));
}

export async function findInviteesByEmail(db: Db, emails: string[]): Promise<InviteeRow[]> {
	if (emails.length === 0) return [];
	const rows = await readInSlices(emails, (slice) =>
		db
			.selectFrom('user')
			.select(['id', 'name', 'email', 'role', 'active'])
			.where('email', 'in', slice)
			.execute()
	);
	return rows.map((r) => ({ ...r, active: r.active === 1 }));
}
