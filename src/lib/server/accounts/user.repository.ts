import type { Db } from '../db/connection';
import type { AffiliationType, Role, SessionUser, User } from '../../domain/auth/user';
import type { UserRow } from '../db/schema';
import { anyColumnContains } from '../db/dialect';

function toUser(row: UserRow, unitCodes: string[]): User {
	return {
		id: row.id,
		name: row.name,
		email: row.email,
		role: row.role,
		active: row.active === 1,
		canSignIn: row.password_hash !== null,
		affiliationType: row.affiliation_type,
		affiliationName: row.affiliation_name,
		phone: row.phone,
		unitCodes,
		createdAt: new Date(row.created_at)
	};
}

export function toSessionUser(u: Pick<User, 'id' | 'name' | 'email' | 'role'>): SessionUser {
	return { id: u.id, name: u.name, email: u.email, role: u.role };
}

async function unitCodesOf(db: Db, userId: number): Promise<string[]> {
	const rows = await db
		.selectFrom('unit_head')
		.innerJoin('unit', 'unit.id', 'unit_head.unit_id')
		.select('unit.code')
		.where('unit_head.user_id', '=', userId)
		.orderBy('unit.code')
		.execute();
	return rows.map((r) => r.code);
}

export async function findUserById(db: Db, id: number): Promise<User | null> {
	const row = await db.selectFrom('user').selectAll().where('id', '=', id).executeTakeFirst();
	return row ? toUser(row, await unitCodesOf(db, row.id)) : null;
}

export async function findUserByEmail(db: Db, email: string): Promise<User | null> {
	const row = await db.selectFrom('user').selectAll().where('email', '=', email).executeTakeFirst();
	return row ? toUser(row, await unitCodesOf(db, row.id)) : null;
}

/** The stored hash, for sign-in only; it never leaves the auth service. */
export async function findPasswordHash(db: Db, userId: number): Promise<string | null> {
	const row = await db.selectFrom('user').select('password_hash').where('id', '=', userId).executeTakeFirst();
	return row?.password_hash ?? null;
}

export interface UserListFilter {
	role?: Role;
	query?: string;
	includeInactive?: boolean;
	limit: number;
	offset: number;
}

export async function listUsers(db: Db, f: UserListFilter): Promise<{ users: User[]; total: number }> {
	let q = db.selectFrom('user');
	if (f.role) q = q.where('role', '=', f.role);
	if (!f.includeInactive) q = q.where('active', '=', 1);
	if (f.query) q = q.where(anyColumnContains(db, ['name', 'email'], f.query));
	const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
	const rows = await q.selectAll().orderBy('name').limit(f.limit).offset(f.offset).execute();
	const heads = await db
		.selectFrom('unit_head')
		.innerJoin('unit', 'unit.id', 'unit_head.unit_id')
		.select(['unit_head.user_id', 'unit.code'])
		.where('unit_head.user_id', 'in', rows.length ? rows.map((r) => r.id) : [-1])
		.execute();
	return {
		users: rows.map((r) =>
			toUser(
				r,
				heads.filter((h) => h.user_id === r.id).map((h) => h.code)
			)
		),
		total: Number(total)
	};
}

export interface NewUserData {
	email: string;
	name: string;
	role: Role;
	passwordHash: string | null;
	affiliationType?: AffiliationType | null;
	affiliationName?: string | null;
	phone?: string | null;
}

export async function insertUser(db: Db, u: NewUserData, now: Date): Promise<number> {
	const row = await db
		.insertInto('user')
		.values({
			email: u.email,
			name: u.name,
			role: u.role,
			password_hash: u.passwordHash,
			affiliation_type: u.affiliationType ?? null,
			affiliation_name: u.affiliationName ?? null,
			phone: u.phone ?? null,
			created_at: now.getTime(),
			updated_at: now.getTime()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export interface UserChanges {
	name?: string;
	email?: string;
	role?: Role;
	active?: boolean;
	affiliationType?: AffiliationType | null;
	affiliationName?: string | null;
	phone?: string | null;
}

export async function updateUser(db: Db, id: number, c: UserChanges, now: Date): Promise<void> {
	await db
		.updateTable('user')
		.set({
			name: c.name,
			email: c.email,
			role: c.role,
			active: c.active === undefined ? undefined : c.active ? 1 : 0,
			affiliation_type: c.affiliationType,
			affiliation_name: c.affiliationName,
			phone: c.phone,
			updated_at: now.getTime()
		})
		.where('id', '=', id)
		.execute();
}

export async function setPasswordHash(db: Db, id: number, passwordHash: string, now: Date): Promise<void> {
	await db
		.updateTable('user')
		.set({ password_hash: passwordHash, updated_at: now.getTime() })
		.where('id', '=', id)
		.execute();
}

export async function replaceUnitHeadLinks(db: Db, userId: number, unitIds: number[]): Promise<void> {
	await db.deleteFrom('unit_head').where('user_id', '=', userId).execute();
	if (unitIds.length)
		await db
			.insertInto('unit_head')
			.values(unitIds.map((unit_id) => ({ user_id: userId, unit_id })))
			.execute();
}

/** Id and role of every account by email, for imports that name assessors by email. */
export async function mapAccountsByEmail(db: Db): Promise<Map<string, { id: number; role: Role }>> {
	const rows = await db.selectFrom('user').select(['id', 'email', 'role']).execute();
	return new Map(rows.map((r) => [r.email.toLowerCase(), { id: r.id, role: r.role }]));
}
