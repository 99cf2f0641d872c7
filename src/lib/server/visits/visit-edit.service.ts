import type { Db } from '../db/connection';
import { findPeriodByCode, type Period } from '../periods/period.repository';
import {
	findVisitOfPeriod,
	hasSheetOnVisit,
	removeVisitAssessor,
	setVisitPlannedOn,
	type ScheduledVisit
} from './visit-plan.repository';
import { auditTrail } from '../audit/audit.repository';
import { ok, refuse, refuseField, refuseFields, type ServiceResult, type Refusal } from '../service-result';
import { periodAcceptsSheets } from '../corrections/correction.service';
import { closedPeriod, isUnavailableOn, plannedDateProblem } from '../accounts/assignment.service';

// Hand edits of the schedule besides adding an assessor (that is assignment.service, whose rules
// these share): nobody is removed from a visit they have already scored.

// Built per call: the words follow the reader's language (README "Where translation happens").
const notFound = (): Refusal => refuse(404, 'srv_visit_not_found');

async function load(
	db: Db,
	code: string,
	visitId: number
): Promise<{ period: Period; visit: ScheduledVisit } | null> {
	const period = await findPeriodByCode(db, code);
	if (!period) return null;
	const visit = await findVisitOfPeriod(db, period.id, visitId);
	return visit ? { period, visit } : null;
}

export async function removeAssessorFromVisit(
	db: Db,
	code: string,
	visitId: number,
	userId: number,
	actorId: number | null,
	now: Date
): Promise<ServiceResult> {
	const found = await load(db, code, visitId);
	if (!found) return notFound();
	if (!(await periodAcceptsSheets(db, found.period))) return closedPeriod(found.period);
	if (await hasSheetOnVisit(db, visitId, userId)) return refuse(409, 'srv_visit_assessor_has_sheet');
	await db.transaction().execute(async (trx) => {
		await removeVisitAssessor(trx, visitId, userId);
		await auditTrail(trx, actorId, now).record('unassign', 'visit', visitId, { assessor: userId });
	});
	return ok(undefined);
}

export async function moveVisit(
	db: Db,
	code: string,
	visitId: number,
	date: string,
	actorId: number | null,
	now: Date
): Promise<ServiceResult> {
	const found = await load(db, code, visitId);
	if (!found) return notFound();
	const { period, visit } = found;
	if (!(await periodAcceptsSheets(db, period))) return closedPeriod(period);
	const dateProblem = plannedDateProblem(period, date);
	if (dateProblem) return refuseFields(400, { date: dateProblem });
	for (const a of visit.assessors)
		if (await isUnavailableOn(db, a.id, date))
			return refuseField(409, 'date', 'srv_visit_assessor_unavailable', { name: a.name });
	await db.transaction().execute(async (trx) => {
		await setVisitPlannedOn(trx, visitId, date);
		await auditTrail(trx, actorId, now).record('reschedule', 'visit', visitId, {
			from: visit.plannedOn,
			to: date
		});
	});
	return ok(undefined);
}
