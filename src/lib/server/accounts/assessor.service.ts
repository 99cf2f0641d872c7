import type { Db } from '../db/connection';
import { findUserById } from './user.repository';
import { findUnitIdsByCodes } from '../units/unit.repository';
import {
	deleteConflict,
	deleteUnavailableDate,
	insertConflict,
	insertUnavailableDates
} from './assessor.repository';
import { auditTrail } from '../audit/audit.repository';
import { datesBetween, isIsoDate } from '../../domain/dates';
import { m } from '$lib/paraglide/messages';
import { ok, refuse, refuseField, refuseFields, type ServiceResult } from '../service-result';

const MAX_RANGE_DAYS = 366;

async function checkAssessor(db: Db, userId: number): Promise<ServiceResult> {
	const user = await findUserById(db, userId);
	if (!user) return refuse(404, 'srv_user_not_found');
	if (user.role !== 'assessor') return refuse(400, 'srv_conflicts_assessors_only');
	return ok(undefined);
}

export async function addConflict(
	db: Db,
	userId: number,
	unitCode: string,
	reason: string | null,
	actorId: number,
	now: Date
): Promise<ServiceResult> {
	const check = await checkAssessor(db, userId);
	if (!check.ok) return check;
	const unitId = (await findUnitIdsByCodes(db, [unitCode])).get(unitCode);
	if (unitId === undefined) return refuseField(400, 'unit', 'srv_unit_code_unknown', { code: unitCode });
	await db.transaction().execute(async (trx) => {
		await insertConflict(trx, userId, unitId, reason);
		await auditTrail(trx, actorId, now).record('add_conflict', 'user', userId, { unit: unitCode });
	});
	return ok(undefined);
}

export async function removeConflict(
	db: Db,
	userId: number,
	unitCode: string,
	actorId: number,
	now: Date
): Promise<ServiceResult> {
	const missing: ServiceResult = refuseFields(404, { unit: m.form_no_such_conflict() });
	const unitId = (await findUnitIdsByCodes(db, [unitCode])).get(unitCode);
	if (unitId === undefined) return missing;
	return db.transaction().execute(async (trx) => {
		if (!(await deleteConflict(trx, userId, unitId))) return missing;
		await auditTrail(trx, actorId, now).record('remove_conflict', 'user', userId, { unit: unitCode });
		return ok(undefined);
	});
}

export async function addUnavailableDates(
	db: Db,
	userId: number,
	from: string,
	to: string,
	actorId: number,
	now: Date
): Promise<ServiceResult> {
	const check = await checkAssessor(db, userId);
	if (!check.ok) return check;
	if (!isIsoDate(from)) return refuseField(400, 'from', 'srv_date_from_invalid');
	if (!isIsoDate(to) || to < from) return refuseField(400, 'to', 'srv_date_to_before_from');
	const dates = datesBetween(from, to);
	if (dates.length > MAX_RANGE_DAYS) return refuseField(400, 'to', 'srv_range_one_year');
	await db.transaction().execute(async (trx) => {
		await insertUnavailableDates(trx, userId, dates);
		await auditTrail(trx, actorId, now).record('add_unavailable', 'user', userId, { from, to });
	});
	return ok(undefined);
}

export async function removeUnavailableDate(
	db: Db,
	userId: number,
	date: string,
	actorId: number,
	now: Date
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await deleteUnavailableDate(trx, userId, date);
		await auditTrail(trx, actorId, now).record('remove_unavailable', 'user', userId, { date });
	});
}
