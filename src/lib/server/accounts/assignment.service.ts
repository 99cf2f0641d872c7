import type { Db } from '../db/connection';
import { normalizeEmail, type User } from '../../domain/auth/user';
import { isIsoDate } from '../../domain/dates';
import { isUnitInPeriod } from '../periods/period.repository';
import { findPeriodByCode, type Period } from '../periods/period.repository';
import { findUnitByCode } from '../units/unit-catalog.repository';
import { findUserByEmail, findUserById } from './user.repository';
import { findAssessorConflict } from './assessor-conflict.repository';
import { listUnavailableDatesBetween } from './assessor.repository';
import { addVisitAssessor, insertVisit, isAssessorOfVisit } from '../visits/visit.repository';
import { findRegularVisitId, listVisitNosOfAssessorForUnit } from '../visits/visit-team.repository';
import { findVisitOfPeriod, setVisitPlannedOn } from '../visits/visit-plan.repository';
import { auditTrail } from '../audit/audit.repository';
import {
	ok,
	refuse,
	refuseField,
	refuseFields,
	refusalText,
	type ServiceResult,
	type Refusal
} from '../service-result';
import { periodAcceptsSheets } from '../corrections/correction.service';

// Visit assignment: the ONE set of rules behind the `assign` command, /admin/kunjungan and the
// planning tool's hand edits. A declared affiliation is a conflict of interest; one unit's visits
// in a period are made by different assessors (docs/rules.md §1); nobody is sent on a date they declared
// unavailable; a planned date lies inside the period window.

export interface AssignInput {
	periodCode: string;
	unitCode: string;
	visitNo: number;
	assessorEmail: string;
	/** YYYY-MM-DD, optional */
	plannedOn: string | null;
}

/** What an assignment did: the visit, whether it was new, and the sentence that says so. */
export interface Assigned {
	visitId: number;
	created: boolean;
	alreadyAssigned: boolean;
	summary: string;
}

interface Assignment {
	period: Period;
	unit: { id: number; code: string; name: string };
	visitNo: number;
	assessor: User;
	plannedOn: string | null;
}

/** Problem with a planned date (format, period window), or null. */
export function plannedDateProblem(period: Period, date: string): string | null {
	if (!isIsoDate(date)) return refusalText('srv_date_invalid', { date });
	if (date < period.startsOn || date > period.endsOn)
		return refusalText('srv_date_outside_period', { date, from: period.startsOn, to: period.endsOn });
	return null;
}

export const closedPeriod = (period: Period): Refusal =>
	refuseField(
		409,
		'period',
		period.status === 'published' ? 'srv_assign_period_closed_published' : 'srv_assign_period_closed',
		{ period: period.code }
	);

export async function isUnavailableOn(db: Db, userId: number, date: string | null): Promise<boolean> {
	if (!date) return false;
	return (await listUnavailableDatesBetween(db, date, date)).some((u) => u.userId === userId);
}

function assessorProblem(user: User | null, email: string): string | null {
	if (!user) return refusalText('srv_no_account', { email });
	if (user.role !== 'assessor') return refusalText('srv_not_assessor', { email: user.email });
	if (!user.active) return refusalText('srv_account_inactive', { email: user.email });
	return null;
}

/** The assessor cannot take this visit (a conflict, another visit of the unit, a day off). */
const assessorRefused = (message: string): Refusal => refuseFields(409, { assessor: message });

/** The business rules, checked before anything is written. */
async function checkAssignment(db: Db, a: Assignment, visitDate: string | null): Promise<Refusal | null> {
	const { period, unit, assessor } = a;
	if (!(await periodAcceptsSheets(db, period))) return closedPeriod(period);
	const conflict = await findAssessorConflict(db, assessor.id, unit.id);
	if (conflict)
		return assessorRefused(
			refusalText('srv_assign_conflict', {
				name: assessor.name,
				unit: unit.name,
				detail: conflict.reason ? ` (${conflict.reason})` : ''
			})
		);
	const others = (await listVisitNosOfAssessorForUnit(db, period.id, unit.id, assessor.id)).filter(
		(n) => n !== a.visitNo
	);
	if (others.length)
		return assessorRefused(
			refusalText('srv_assign_other_visit', {
				name: assessor.name,
				unit: unit.name,
				visits: others.join(', ')
			})
		);
	if (await isUnavailableOn(db, assessor.id, visitDate))
		return assessorRefused(
			refusalText('srv_assign_unavailable', { name: assessor.name, date: visitDate ?? '' })
		);
	return null;
}

/** Checks the rules, then creates the visit when missing, adds the assessor and audits, at once. */
async function assign(
	db: Db,
	a: Assignment,
	actorId: number | null,
	now: Date
): Promise<ServiceResult<Assigned>> {
	const { period, unit, assessor, visitNo, plannedOn } = a;
	const existingId = await findRegularVisitId(db, period.id, unit.id, visitNo);
	const existing = existingId === null ? null : await findVisitOfPeriod(db, period.id, existingId);
	const refusal = await checkAssignment(db, a, plannedOn ?? existing?.plannedOn ?? null);
	if (refusal) return refusal;
	return db.transaction().execute(async (trx) => {
		const created = existingId === null;
		const visitId =
			existingId ??
			(await insertVisit(trx, { periodId: period.id, unitId: unit.id, visitNo, plannedOn }, now));
		if (!created && plannedOn) await setVisitPlannedOn(trx, visitId, plannedOn);
		const alreadyAssigned = await isAssessorOfVisit(trx, visitId, assessor.id);
		await addVisitAssessor(trx, visitId, assessor.id);
		await auditTrail(trx, actorId, now).record('assign', 'visit', visitId, {
			period: period.code,
			unit: unit.code,
			visitNo,
			assessor: assessor.email,
			plannedOn
		});
		const words = { name: assessor.name, no: visitNo, unit: unit.name, period: period.code };
		const summary = alreadyAssigned
			? refusalText('srv_assign_already', words)
			: refusalText('srv_assign_done', words);
		return ok({ visitId, created, alreadyAssigned, summary });
	});
}

/** By codes (`assign` command, /admin/kunjungan): every bad field is reported at once (400). */
export async function assignAssessorToVisit(
	db: Db,
	input: AssignInput,
	actorId: number | null,
	now: Date
): Promise<ServiceResult<Assigned>> {
	const errors: Record<string, string> = {};
	const period = await findPeriodByCode(db, input.periodCode.trim());
	if (!period) errors.period = refusalText('srv_period_missing', { period: input.periodCode });
	const unit = await findUnitByCode(db, input.unitCode.trim());
	if (!unit) errors.unit = refusalText('srv_unit_code_missing', { unit: input.unitCode });
	if (!Number.isInteger(input.visitNo) || input.visitNo < 1 || input.visitNo > 20)
		errors.visit = refusalText('srv_visit_no_range');
	const assessor = await findUserByEmail(db, normalizeEmail(input.assessorEmail));
	const who = assessorProblem(assessor, input.assessorEmail);
	if (who) errors.assessor = who;
	if (input.plannedOn !== null) {
		const dateProblem = period
			? plannedDateProblem(period, input.plannedOn)
			: isIsoDate(input.plannedOn)
				? null
				: refusalText('srv_date_invalid', { date: input.plannedOn });
		if (dateProblem) errors.date = dateProblem;
	}
	if (period && unit && !(await isUnitInPeriod(db, period.id, unit.id)))
		errors.unit = refusalText('srv_unit_not_in_period', { unit: unit.code, period: period.code });
	if (Object.keys(errors).length || !period || !unit || !assessor) return refuseFields(400, errors);
	return assign(
		db,
		{ period, unit, visitNo: input.visitNo, assessor, plannedOn: input.plannedOn },
		actorId,
		now
	);
}

/** By visit id and user id (planning tool): someone already on the team is refused (409). */
export async function addAssessorToVisit(
	db: Db,
	periodCode: string,
	visitId: number,
	userId: number,
	actorId: number | null,
	now: Date
): Promise<ServiceResult<Assigned>> {
	const period = await findPeriodByCode(db, periodCode);
	const visit = period ? await findVisitOfPeriod(db, period.id, visitId) : null;
	if (!period || !visit) return refuse(404, 'srv_visit_not_found');
	const assessor = await findUserById(db, userId);
	if (!assessor || assessorProblem(assessor, ''))
		return refuseField(400, 'assessor', 'srv_pick_active_assessor');
	if (visit.assessors.some((a) => a.id === userId))
		return refuseField(409, 'assessor', 'srv_assign_on_visit', { name: assessor.name });
	const unit = { id: visit.unitId, code: visit.unitCode, name: visit.unitName };
	return assign(db, { period, unit, visitNo: visit.visitNo, assessor, plannedOn: null }, actorId, now);
}
