import type { Db } from '../db/connection';
import { findPeriodDetailByCode, type PeriodDetail } from '../repositories/period-settings.repository';
import {
	findVisitOfPeriod,
	hasSheetOnVisit,
	listScheduledVisits,
	removeVisitAssessor,
	setVisitPlannedOn,
	type ScheduledVisit
} from '../repositories/visit-plan.repository';
import { findUserById } from '../repositories/user.repository';
import { hasConflict, listUnavailableDatesBetween } from '../repositories/assessor.repository';
import { addVisitAssessor } from '../repositories/visit.repository';
import { recordAudit } from '../repositories/audit.repository';
import { isIsoDate } from '../../domain/dates';

// Hand edits of the schedule: the same rules as "Buat jadwal" (conflicts, distinct assessors per
// unit, unavailable dates), and nobody is removed from a visit they have already scored.

export type AssignmentResult =
	{ ok: true } | { ok: false; status: 400 | 404 | 409; errors: Record<string, string> };

async function load(
	db: Db,
	code: string,
	visitId: number
): Promise<{ period: PeriodDetail; visit: ScheduledVisit } | null> {
	const period = await findPeriodDetailByCode(db, code);
	if (!period) return null;
	const visit = await findVisitOfPeriod(db, period.id, visitId);
	return visit ? { period, visit } : null;
}

const notFound: AssignmentResult = {
	ok: false,
	status: 404,
	errors: { _form: 'Kunjungan tidak ditemukan.' }
};
const closed = (p: PeriodDetail) => p.status === 'published' || p.status === 'archived';
const closedResult: AssignmentResult = {
	ok: false,
	status: 409,
	errors: { _form: 'Periode sudah terbit atau diarsipkan; jadwal tidak dapat diubah.' }
};

async function unavailableOn(db: Db, userId: number, date: string | null): Promise<boolean> {
	if (!date) return false;
	return (await listUnavailableDatesBetween(db, date, date)).some((u) => u.userId === userId);
}

export async function addAssessorToVisit(
	db: Db,
	code: string,
	visitId: number,
	userId: number,
	actorId: number | null,
	now: Date
): Promise<AssignmentResult> {
	const found = await load(db, code, visitId);
	if (!found) return notFound;
	const { period, visit } = found;
	if (closed(period)) return closedResult;
	const user = await findUserById(db, userId);
	if (!user || user.role !== 'assessor' || !user.active)
		return { ok: false, status: 400, errors: { assessor: 'Pilih penilai yang aktif.' } };
	if (visit.assessors.some((a) => a.id === userId))
		return { ok: false, status: 409, errors: { assessor: `${user.name} sudah ada di kunjungan ini.` } };
	if (await hasConflict(db, userId, visit.unitId))
		return {
			ok: false,
			status: 409,
			errors: { assessor: `${user.name} menyatakan konflik kepentingan dengan ${visit.unitCode}.` }
		};
	const sameUnit = (await listScheduledVisits(db, period.id)).filter(
		(v) => v.unitId === visit.unitId && v.visitId !== visitId
	);
	const other = sameUnit.find((v) => v.assessors.some((a) => a.id === userId));
	if (other)
		return {
			ok: false,
			status: 409,
			errors: {
				assessor: `${user.name} sudah menilai ${visit.unitCode} pada kunjungan ke-${other.visitNo}; kunjungan harus oleh penilai berbeda.`
			}
		};
	if (await unavailableOn(db, userId, visit.plannedOn))
		return {
			ok: false,
			status: 409,
			errors: { assessor: `${user.name} berhalangan pada tanggal kunjungan ini.` }
		};
	await db.transaction().execute(async (trx) => {
		await addVisitAssessor(trx, visitId, userId);
		await recordAudit(
			trx,
			{
				userId: actorId,
				action: 'assign',
				entity: 'visit',
				entityId: visitId,
				detail: { assessor: user.email }
			},
			now
		);
	});
	return { ok: true };
}

export async function removeAssessorFromVisit(
	db: Db,
	code: string,
	visitId: number,
	userId: number,
	actorId: number | null,
	now: Date
): Promise<AssignmentResult> {
	const found = await load(db, code, visitId);
	if (!found) return notFound;
	if (closed(found.period)) return closedResult;
	if (await hasSheetOnVisit(db, visitId, userId))
		return {
			ok: false,
			status: 409,
			errors: {
				_form: 'Penilai ini sudah mengisi lembar penilaian untuk kunjungan ini; tidak dapat dilepas.'
			}
		};
	await db.transaction().execute(async (trx) => {
		await removeVisitAssessor(trx, visitId, userId);
		await recordAudit(
			trx,
			{
				userId: actorId,
				action: 'unassign',
				entity: 'visit',
				entityId: visitId,
				detail: { assessor: userId }
			},
			now
		);
	});
	return { ok: true };
}

export async function moveVisit(
	db: Db,
	code: string,
	visitId: number,
	date: string,
	actorId: number | null,
	now: Date
): Promise<AssignmentResult> {
	const found = await load(db, code, visitId);
	if (!found) return notFound;
	const { period, visit } = found;
	if (closed(period)) return closedResult;
	if (!isIsoDate(date)) return { ok: false, status: 400, errors: { date: 'Tanggal tidak valid.' } };
	if (date < period.startsOn || date > period.endsOn)
		return {
			ok: false,
			status: 400,
			errors: { date: `Tanggal di luar jendela periode (${period.startsOn} s.d. ${period.endsOn}).` }
		};
	for (const a of visit.assessors)
		if (await unavailableOn(db, a.id, date))
			return { ok: false, status: 409, errors: { date: `${a.name} berhalangan pada tanggal itu.` } };
	await db.transaction().execute(async (trx) => {
		await setVisitPlannedOn(trx, visitId, date);
		await recordAudit(
			trx,
			{
				userId: actorId,
				action: 'reschedule',
				entity: 'visit',
				entityId: visitId,
				detail: { from: visit.plannedOn, to: date }
			},
			now
		);
	});
	return { ok: true };
}
