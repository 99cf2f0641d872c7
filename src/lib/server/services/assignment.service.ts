import type { Db } from '../db/connection';
import { isSheetEditableIn } from '../../domain/score-sheet';
import { normalizeEmail } from '../../domain/auth/user';
import { findPeriodByCode, isUnitInPeriod } from '../repositories/period.repository';
import { findUnitByCode } from '../repositories/unit.repository';
import { findUserByEmail } from '../repositories/user.repository';
import { findAssessorConflict } from '../repositories/assessor-conflict.repository';
import { addVisitAssessor, insertVisit, isAssessorOfVisit } from '../repositories/visit.repository';
import {
	findRegularVisitId,
	listVisitNosOfAssessorForUnit,
	setVisitPlannedOn
} from '../repositories/visit-team.repository';
import { recordAudit } from '../repositories/audit.repository';

export interface AssignInput {
	periodCode: string;
	unitCode: string;
	visitNo: number;
	assessorEmail: string;
	/** YYYY-MM-DD, optional */
	plannedOn: string | null;
}

export type AssignResult =
	| { ok: true; visitId: number; created: boolean; alreadyAssigned: boolean; summary: string }
	| { ok: false; status: 400 | 409; errors: Record<string, string> };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isValidDate(s: string): boolean {
	if (!ISO_DATE.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Adds an assessor to a regular visit (created when missing). The rules every caller shares
 * (page, command line, planning tool): a declared affiliation with the unit is a conflict of
 * interest, and one unit's visits are made by different assessors (spec 1).
 */
export async function assignAssessorToVisit(
	db: Db,
	input: AssignInput,
	actorId: number | null,
	now: Date
): Promise<AssignResult> {
	const errors: Record<string, string> = {};
	const period = await findPeriodByCode(db, input.periodCode.trim());
	if (!period) errors.period = `Periode ${input.periodCode} tidak ditemukan.`;
	const unit = await findUnitByCode(db, input.unitCode.trim());
	if (!unit) errors.unit = `Unit dengan kode ${input.unitCode} tidak ditemukan.`;
	if (!Number.isInteger(input.visitNo) || input.visitNo < 1 || input.visitNo > 20)
		errors.visit = 'Nomor kunjungan harus bilangan bulat 1 sampai 20.';
	const assessor = await findUserByEmail(db, normalizeEmail(input.assessorEmail));
	if (!assessor) errors.assessor = `Tidak ada akun dengan email ${input.assessorEmail}.`;
	else if (assessor.role !== 'assessor') errors.assessor = `${assessor.email} bukan akun penilai.`;
	else if (!assessor.active) errors.assessor = `Akun ${assessor.email} tidak aktif.`;
	if (input.plannedOn !== null && !isValidDate(input.plannedOn))
		errors.date = `Tanggal "${input.plannedOn}" tidak valid; gunakan format YYYY-MM-DD.`;
	if (period && unit && !(await isUnitInPeriod(db, period.id, unit.id)))
		errors.unit = `Unit ${unit.code} tidak termasuk periode ${period.code}.`;
	if (Object.keys(errors).length || !period || !unit || !assessor) return { ok: false, status: 400, errors };

	if (!isSheetEditableIn(period.status))
		return {
			ok: false,
			status: 409,
			errors: { period: `Periode ${period.code} sudah terbit atau diarsipkan; penugasan tidak dapat diubah.` }
		};
	const conflict = await findAssessorConflict(db, assessor.id, unit.id);
	if (conflict)
		return {
			ok: false,
			status: 409,
			errors: {
				assessor: `Konflik kepentingan: ${assessor.name} menyatakan keterkaitan dengan ${unit.name}${conflict.reason ? ` (${conflict.reason})` : ''}, sehingga tidak boleh menilai unit ini.`
			}
		};
	const otherVisits = (await listVisitNosOfAssessorForUnit(db, period.id, unit.id, assessor.id)).filter(
		(n) => n !== input.visitNo
	);
	if (otherVisits.length)
		return {
			ok: false,
			status: 409,
			errors: {
				assessor: `${assessor.name} sudah menilai ${unit.name} pada kunjungan ke-${otherVisits.join(', ')}; setiap kunjungan dilakukan oleh penilai yang berbeda.`
			}
		};

	return db.transaction().execute(async (trx) => {
		let visitId = await findRegularVisitId(trx, period.id, unit.id, input.visitNo);
		const created = visitId === null;
		visitId ??= await insertVisit(
			trx,
			{ periodId: period.id, unitId: unit.id, visitNo: input.visitNo, plannedOn: input.plannedOn },
			now
		);
		if (!created && input.plannedOn) await setVisitPlannedOn(trx, visitId, input.plannedOn);
		const alreadyAssigned = await isAssessorOfVisit(trx, visitId, assessor.id);
		await addVisitAssessor(trx, visitId, assessor.id);
		await recordAudit(
			trx,
			{
				userId: actorId,
				action: 'assign',
				entity: 'visit',
				entityId: visitId,
				detail: {
					period: period.code,
					unit: unit.code,
					visitNo: input.visitNo,
					assessor: assessor.email,
					plannedOn: input.plannedOn
				}
			},
			now
		);
		const summary = alreadyAssigned
			? `${assessor.name} sudah ada di kunjungan ke-${input.visitNo} ${unit.name} (${period.code}).`
			: `${assessor.name} ditugaskan ke kunjungan ke-${input.visitNo} ${unit.name} (${period.code}).`;
		return { ok: true as const, visitId, created, alreadyAssigned, summary };
	});
}
