import type { Db } from '../db/connection';
import {
	findUserByEmail,
	findUserById,
	insertUser,
	replaceUnitHeadLinks,
	setPasswordHash,
	updateUser,
	type UserChanges
} from './user.repository';
import { findUnitIdsByCodes } from '../units/unit.repository';
import { deleteSessionsOfUser } from './session.repository';
import { auditTrail } from '../audit/audit.repository';
import { ok, refuse, refuseField, refuseFields, refusalText, type ServiceResult } from '../service-result';
import { hashPassword } from '../auth/password';
import { passwordProblemText, refuseWeakPassword } from './password-strength';
import { normalizeEmail, type AffiliationType, type Role, type User } from '../../domain/auth/user';
import { transactionUnlessTaken } from '../db/transaction';

export interface NewUserInput {
	email: string;
	name: string;
	role: Role;
	/** null: an account that cannot sign in until an admin sets a password */
	password: string | null;
	unitCodes?: string[];
	affiliationType?: AffiliationType | null;
	affiliationName?: string | null;
	phone?: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

async function checkUnits(
	db: Db,
	role: Role,
	codes: string[],
	errors: Record<string, string>
): Promise<number[]> {
	if (role !== 'unit_head') {
		if (codes.length) errors.units = refusalText('srv_user_units_heads_only');
		return [];
	}
	const ids = await findUnitIdsByCodes(db, codes);
	const missing = codes.filter((c) => !ids.has(c));
	if (missing.length)
		errors.units = refusalText('srv_user_unit_codes_unknown', { codes: missing.join(', ') });
	return codes.map((c) => ids.get(c)).filter((id): id is number => id !== undefined);
}

export async function createUser(
	db: Db,
	input: NewUserInput,
	actorId: number | null,
	now: Date
): Promise<ServiceResult<User>> {
	const errors: Record<string, string> = {};
	const email = normalizeEmail(input.email);
	if (!EMAIL.test(email)) errors.email = refusalText('srv_email_invalid');
	if (input.name.trim().length < 2) errors.name = refusalText('srv_name_short');
	if (input.password !== null) {
		const problem = passwordProblemText(input.password, email);
		if (problem) errors.password = problem;
	}
	const unitIds = await checkUnits(db, input.role, input.unitCodes ?? [], errors);
	if (Object.keys(errors).length) return refuseFields(400, errors);
	const taken = refuseField(409, 'email', 'srv_email_taken', { email });
	if (await findUserByEmail(db, email)) return taken;
	const passwordHash = input.password === null ? null : await hashPassword(input.password);
	// A double-clicked "create" hashes twice in parallel and both pass the check above: the
	// UNIQUE email then refuses the second insert, which transactionUnlessTaken answers as taken.
	const id = await transactionUnlessTaken(
		db,
		async (trx) => {
			const id = await insertUser(
				trx,
				{
					email,
					name: input.name.trim(),
					role: input.role,
					passwordHash,
					affiliationType: input.affiliationType,
					affiliationName: input.affiliationName,
					phone: input.phone
				},
				now
			);
			await replaceUnitHeadLinks(trx, id, unitIds);
			await auditTrail(trx, actorId, now).record('create', 'user', id, { email, role: input.role });
			return id;
		},
		null
	);
	if (id === null) return taken;
	return ok((await findUserById(db, id))!);
}

export interface EditUserInput extends UserChanges {
	unitCodes?: string[];
}

export async function editUser(
	db: Db,
	id: number,
	input: EditUserInput,
	actorId: number,
	now: Date
): Promise<ServiceResult<User>> {
	const existing = await findUserById(db, id);
	if (!existing) return refuse(404, 'srv_user_not_found');
	const errors: Record<string, string> = {};
	const email = input.email === undefined ? existing.email : normalizeEmail(input.email);
	if (!EMAIL.test(email)) errors.email = refusalText('srv_email_invalid');
	if (input.name !== undefined && input.name.trim().length < 2) errors.name = refusalText('srv_name_short');
	const role = input.role ?? existing.role;
	if (id === actorId && (role !== existing.role || input.active === false))
		errors._form = refusalText('srv_user_self_change');
	const unitIds = await checkUnits(
		db,
		role,
		input.unitCodes ?? (role === 'unit_head' ? existing.unitCodes : []),
		errors
	);
	if (Object.keys(errors).length) return refuseFields(400, errors);
	const other = await findUserByEmail(db, email);
	if (other && other.id !== id) return refuseField(409, 'email', 'srv_email_taken', { email });
	await db.transaction().execute(async (trx) => {
		await updateUser(trx, id, { ...input, email, name: input.name?.trim() }, now);
		await replaceUnitHeadLinks(trx, id, unitIds);
		// A deactivated account loses its sessions at once.
		if (input.active === false) await deleteSessionsOfUser(trx, id);
		const changed = Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
		await auditTrail(trx, actorId, now).record('update', 'user', id, { fields: changed });
	});
	return ok((await findUserById(db, id))!);
}

export async function resetPassword(
	db: Db,
	id: number,
	password: string,
	actorId: number,
	now: Date
): Promise<ServiceResult<User>> {
	const existing = await findUserById(db, id);
	if (!existing) return refuse(404, 'srv_user_not_found');
	const weak = refuseWeakPassword(password, existing.email, 'password');
	if (weak) return weak;
	const hash = await hashPassword(password);
	await db.transaction().execute(async (trx) => {
		await setPasswordHash(trx, id, hash, now);
		await deleteSessionsOfUser(trx, id);
		await auditTrail(trx, actorId, now).record('reset_password', 'user', id);
	});
	return ok((await findUserById(db, id))!);
}
