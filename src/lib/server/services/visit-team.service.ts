import type { Db } from '../db/connection';
import { findPeriodDetailByCode } from '../repositories/period-settings.repository';
import { listPeriodUnitsForPlanning, listScheduledVisits } from '../repositories/visit-plan.repository';
import { findUserByEmail } from '../repositories/user.repository';
import { insertVisit } from '../repositories/visit.repository';
import { deleteEmptyVisit } from '../repositories/visit-plan.repository';
import { addAssessorToVisit, moveVisit, type AssignmentResult } from './visit-assignment.service';
import { normalizeEmail } from '../../domain/auth/user';
import { isIsoDate } from '../../domain/dates';

export interface AssignByCodes {
	periodCode: string;
	unitCode: string;
	visitNo: number;
	email: string;
	date: string | null;
}

/** `assign` (contracts): adds an assessor to a unit's visit, creating the visit when missing. */
export async function assignByCodes(
	db: Db,
	a: AssignByCodes,
	actorId: number | null,
	now: Date
): Promise<AssignmentResult> {
	const errors: Record<string, string> = {};
	const period = await findPeriodDetailByCode(db, a.periodCode);
	if (!period) errors.period = `periode ${a.periodCode} tidak ditemukan`;
	if (!Number.isInteger(a.visitNo) || a.visitNo < 1 || a.visitNo > 20)
		errors.visit = 'nomor kunjungan harus bilangan bulat 1–20';
	if (a.date !== null && !isIsoDate(a.date)) errors.date = 'tanggal harus YYYY-MM-DD';
	const user = await findUserByEmail(db, normalizeEmail(a.email));
	if (!user) errors.assessor = `akun ${a.email} tidak ditemukan`;
	if (!period || Object.keys(errors).length) return { ok: false, status: 400, errors };
	const unit = (await listPeriodUnitsForPlanning(db, period.id)).find(
		(u) => u.code === a.unitCode.toUpperCase()
	);
	if (!unit)
		return {
			ok: false,
			status: 400,
			errors: { unit: `unit ${a.unitCode} tidak termasuk periode ${period.code}` }
		};
	const existing = (await listScheduledVisits(db, period.id)).find(
		(v) => v.unitId === unit.unitId && v.visitNo === a.visitNo
	);
	const created = existing
		? null
		: await insertVisit(
				db,
				{ periodId: period.id, unitId: unit.unitId, visitNo: a.visitNo, plannedOn: a.date },
				now
			);
	const visitId = existing?.visitId ?? created!;
	if (a.date && existing && existing.plannedOn !== a.date) {
		const moved = await moveVisit(db, period.code, visitId, a.date, actorId, now);
		if (!moved.ok) return moved;
	}
	const added = await addAssessorToVisit(db, period.code, visitId, user!.id, actorId, now);
	// A visit created for a refused assignment is not kept.
	if (!added.ok && created !== null) await deleteEmptyVisit(db, created);
	return added;
}
