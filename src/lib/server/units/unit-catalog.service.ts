import type { Db } from '../db/connection';
import { insertUnit } from './unit.repository';
import { findUnitByCode, updateUnit, addUnitToOpenPeriods, type UnitDetail } from './unit-catalog.repository';
import { findCategoryById } from './category.repository';
import { auditTrail } from '../audit/audit.repository';
import { newSurveyToken } from '../survey/intake/survey-token';
import { invalidateAllPeriodResults } from '../results/result-cache.repository';
import { UNIT_CODE, normalizeUnitCode } from '../../domain/import/unit-rows';
import { refuse, refuseField, refuseFields, refusalText, type ServiceResult } from '../service-result';
import { transactionUnlessTaken } from '../db/transaction';

export interface UnitInput {
	code: string;
	name: string;
	categoryId: number;
	parentCode: string | null;
	address: string | null;
	yearlyServiceUsers: number | null;
}

async function checkUnit(
	db: Db,
	input: UnitInput,
	selfId: number | null
): Promise<Record<string, string> | 409 | null> {
	const errors: Record<string, string> = {};
	if (!UNIT_CODE.test(input.code)) errors.code = refusalText('srv_unit_code_format');
	if (input.parentCode && !UNIT_CODE.test(input.parentCode))
		errors.parent = refusalText('srv_unit_parent_invalid');
	if (input.parentCode && input.parentCode === input.code)
		errors.parent = refusalText('srv_unit_parent_self');
	const category = await findCategoryById(db, input.categoryId);
	if (!category) errors.category = refusalText('srv_unit_category_pick');
	if (Object.keys(errors).length) return errors;
	const other = await findUnitByCode(db, input.code);
	return other && other.id !== selfId ? 409 : null;
}

export async function createUnit(
	db: Db,
	input: UnitInput,
	actorId: number,
	now: Date
): Promise<ServiceResult<UnitDetail>> {
	const code = normalizeUnitCode(input.code);
	const data = { ...input, code, parentCode: input.parentCode ? normalizeUnitCode(input.parentCode) : null };
	const check = await checkUnit(db, data, null);
	if (check === 409) return refuseField(409, 'code', 'srv_unit_code_taken', { code });
	if (check) return refuseFields(400, check);
	// A double-clicked "create" passes the check above twice: the UNIQUE code refuses the second
	// insert, which transactionUnlessTaken answers as taken (409).
	const created = await transactionUnlessTaken(
		db,
		async (trx) => {
			const id = await insertUnit(trx, { ...data, surveyToken: newSurveyToken() }, now);
			await updateUnit(trx, id, { address: data.address }, now);
			const periods = await addUnitToOpenPeriods(trx, id, data.categoryId);
			await invalidateAllPeriodResults(trx);
			await auditTrail(trx, actorId, now).record('create', 'unit', code, { periods });
			return true;
		},
		false
	);
	if (!created) return refuseField(409, 'code', 'srv_unit_code_taken', { code });
	return { ok: true, value: (await findUnitByCode(db, code))! };
}

export async function editUnit(
	db: Db,
	currentCode: string,
	input: UnitInput,
	actorId: number,
	now: Date
): Promise<ServiceResult<UnitDetail>> {
	const existing = await findUnitByCode(db, currentCode);
	if (!existing) return refuse(404, 'srv_unit_not_found');
	const code = normalizeUnitCode(input.code);
	const data = { ...input, code, parentCode: input.parentCode ? normalizeUnitCode(input.parentCode) : null };
	const check = await checkUnit(db, data, existing.id);
	if (check === 409) return refuseField(409, 'code', 'srv_unit_code_taken', { code });
	if (check) return refuseFields(400, check);
	await db.transaction().execute(async (trx) => {
		await updateUnit(trx, existing.id, data, now);
		await invalidateAllPeriodResults(trx);
		await auditTrail(trx, actorId, now).record('update', 'unit', code, { was: currentCode });
	});
	return { ok: true, value: (await findUnitByCode(db, code))! };
}

export async function setUnitActive(
	db: Db,
	code: string,
	active: boolean,
	actorId: number,
	now: Date
): Promise<ServiceResult<null>> {
	const existing = await findUnitByCode(db, code);
	if (!existing) return refuse(404, 'srv_unit_not_found');
	await db.transaction().execute(async (trx) => {
		await updateUnit(trx, existing.id, { active }, now);
		if (active) await addUnitToOpenPeriods(trx, existing.id, existing.categoryId);
		await invalidateAllPeriodResults(trx);
		await auditTrail(trx, actorId, now).record(active ? 'reactivate' : 'deactivate', 'unit', code);
	});
	return { ok: true, value: null };
}
