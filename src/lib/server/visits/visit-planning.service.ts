import type { Db } from '../db/connection';
import type { Period } from '../periods/period.repository';
import {
	listActiveAssessors,
	listPeriodUnitsForPlanning,
	listScheduledVisits,
	setVisitPlannedOn
} from './visit-plan.repository';
import { listAllConflicts, listUnavailableDatesBetween } from '../accounts/assessor.repository';
import { addVisitAssessor, insertVisit } from './visit.repository';
import { auditTrail } from '../audit/audit.repository';
import { refuse, type ServiceResult } from '../service-result';
import { unplacedReasonText, wishText } from '$lib/i18n/schedule-text';
import { listAssessorProfiles, listPreviousPeriodPairs } from './team-history.repository';
import { planVisits, type PlanResult, type SchedulePreview } from '../../domain/planning';
import { workingDaysBetween } from '../../domain/dates';
import { groupBy } from '../../domain/group-by';
import { findRequireCalibrated, listCalibratedAssessorIds } from '../calibration/calibration.repository';
import { findPeriodOrRefuse } from '../periods/period-lookup';

async function computePlan(db: Db, period: Period) {
	const units = await listPeriodUnitsForPlanning(db, period.id, true);
	const scheduled = await listScheduledVisits(db, period.id);
	const assessors = await plannerPool(db, period.id);
	const scheduledOfUnit = groupBy(scheduled, (v) => v.unitId);
	const plan = planVisits({
		units: units.map((u) => ({
			id: u.unitId,
			existingVisits: (scheduledOfUnit.get(u.unitId) ?? []).map((v) => ({
				visitNo: v.visitNo,
				assessorIds: v.assessors.map((a) => a.id)
			}))
		})),
		assessorIds: assessors.map((a) => a.id),
		requiredVisits: period.requiredVisits,
		days: workingDaysBetween(period.startsOn, period.endsOn),
		conflicts: (await listAllConflicts(db)).map((c) => ({ assessorId: c.userId, unitId: c.unitId })),
		unavailable: (await listUnavailableDatesBetween(db, period.startsOn, period.endsOn)).map((u) => ({
			assessorId: u.userId,
			date: u.date
		})),
		profiles: await listAssessorProfiles(db),
		previousPairs: await listPreviousPeriodPairs(db, period)
	});
	return { units, scheduled, assessors, plan };
}

// docs/rules.md §9.1: a period may require assessors the office marked calibrated after its round.
async function plannerPool(db: Db, periodId: number) {
	const all = await listActiveAssessors(db);
	if (!(await findRequireCalibrated(db, periodId))) return all;
	const calibrated = await listCalibratedAssessorIds(db, periodId);
	return all.filter((a) => calibrated.has(a.id));
}

async function openPeriod(db: Db, code: string): Promise<ServiceResult<Period>> {
	const found = await findPeriodOrRefuse(db, code);
	if (!found.ok) return found;
	const period = found.value;
	if (period.status !== 'draft' && period.status !== 'running')
		return refuse(409, 'srv_schedule_period_state');
	return { ok: true, value: period };
}

function describe(result: Awaited<ReturnType<typeof computePlan>>): SchedulePreview {
	const unit = new Map(result.units.map((u) => [u.unitId, u]));
	const name = new Map(result.assessors.map((a) => [a.id, a.name]));
	const plan: PlanResult = result.plan;
	return {
		rows: plan.visits
			.map((v) => ({
				...unit.get(v.unitId)!,
				visitNo: v.visitNo,
				assessor: name.get(v.assessorId)!,
				date: v.date
			}))
			.sort((a, b) => a.date.localeCompare(b.date) || a.code.localeCompare(b.code))
			.map((r) => ({
				unitCode: r.code,
				unitName: r.name,
				category: r.category,
				visitNo: r.visitNo,
				assessor: r.assessor,
				date: r.date
			})),
		unplaced: plan.unplaced.map((u) => ({
			unitCode: unit.get(u.unitId)!.code,
			unitName: unit.get(u.unitId)!.name,
			visitNo: u.visitNo,
			reason: unplacedReasonText(u.reason)
		})),
		unmetWishes: plan.unmetWishes.map((u) => ({
			unitCode: unit.get(u.unitId)!.code,
			unitName: unit.get(u.unitId)!.name,
			wishes: u.wishes.map(wishText)
		})),
		loads: result.assessors.map((a) => ({ name: a.name, total: plan.loads.get(a.id) ?? 0 })),
		existing: result.scheduled.length
	};
}

export async function previewSchedule(db: Db, code: string): Promise<ServiceResult<SchedulePreview>> {
	const period = await openPeriod(db, code);
	if (!period.ok) return period;
	return { ok: true, value: describe(await computePlan(db, period.value)) };
}

/** Writes the plan computed afresh inside one transaction; visits that exist are kept as they are. */
export async function confirmSchedule(
	db: Db,
	code: string,
	actorId: number,
	now: Date
): Promise<ServiceResult<{ created: number; unplaced: number }>> {
	return db.transaction().execute(async (trx) => {
		const period = await openPeriod(trx, code);
		if (!period.ok) return period;
		const { plan, scheduled } = await computePlan(trx, period.value);
		for (const v of plan.visits) {
			const existing = scheduled.find((s) => s.unitId === v.unitId && s.visitNo === v.visitNo);
			const visitId =
				existing?.visitId ??
				(await insertVisit(
					trx,
					{ periodId: period.value.id, unitId: v.unitId, visitNo: v.visitNo, plannedOn: v.date },
					now
				));
			if (existing && !existing.plannedOn) await setVisitPlannedOn(trx, visitId, v.date);
			await addVisitAssessor(trx, visitId, v.assessorId);
		}
		await auditTrail(trx, actorId, now).record('schedule', 'period', code, {
			visits: plan.visits.length,
			unplaced: plan.unplaced.length
		});
		return { ok: true as const, value: { created: plan.visits.length, unplaced: plan.unplaced.length } };
	});
}
