import type { Db } from '../db/connection';
import { ok, refuse, type ServiceResult } from '../service-result';
import { findPeriodByCode, mapPeriodUnitIds, type Period } from '../periods/period.repository';
import { listActiveAssessors } from '../visits/visit-plan.repository';
import { addVisitAssessor, insertVisit } from '../visits/visit.repository';
import { mapConflictReasons } from '../accounts/assessor-conflict.repository';
import { auditTrail } from '../audit/audit.repository';
import { MAX_ANCHORS, summarizeCalibration, type CalibrationSummary } from '../../domain/reliability';
import {
	findCalibrationVisit,
	listCalibrationAnchors,
	listCalibrationScores,
	setAssessorCalibrated,
	setRequireCalibrated
} from './calibration.repository';
import { onPeriod } from '../periods/period-lookup';

// The calibration round (docs/rules.md §9.1): anchor units with invited assessors, the round's
// statistics, and which assessors the office marks as calibrated.

/** Live scoring has not started to settle yet: a round belongs before review. */
const ROUND_OPEN = new Set(['draft', 'running']);

export async function loadCalibrationSummary(
	db: Db,
	periodCode: string
): Promise<{ period: Period; summary: CalibrationSummary } | null> {
	const period = await findPeriodByCode(db, periodCode);
	if (!period) return null;
	return { period, summary: summarizeCalibration(await listCalibrationScores(db, period.id)) };
}

export interface AnchorInput {
	periodCode: string;
	unitCode: string;
	assessorIds: number[];
	actorId: number;
}

/** Adds an anchor unit to the round, or more assessors to an existing anchor. */
export async function addCalibrationAnchor(
	db: Db,
	input: AnchorInput,
	now: Date
): Promise<ServiceResult<number>> {
	return onPeriod(db, input.periodCode, async (trx, period) => {
		if (!ROUND_OPEN.has(period.status)) return refuse(409, 'srv_calibration_period_state');
		const unitId = (await mapPeriodUnitIds(trx, period.id)).get(input.unitCode);
		if (unitId === undefined)
			return refuse(400, 'srv_unit_not_in_period', { unit: input.unitCode, period: period.code });
		const existing = await findCalibrationVisit(trx, period.id, unitId);
		if (existing === null && (await listCalibrationAnchors(trx, period.id)).length >= MAX_ANCHORS)
			return refuse(409, 'srv_calibration_max_anchors', { max: MAX_ANCHORS });
		if (existing === null && input.assessorIds.length < 2)
			return refuse(400, 'srv_calibration_two_assessors');
		const pool = new Map((await listActiveAssessors(trx)).map((a) => [a.id, a]));
		const conflicts = await mapConflictReasons(trx);
		for (const id of input.assessorIds) {
			if (!pool.has(id)) return refuse(400, 'srv_calibration_assessor_unknown', { id });
			if (conflicts.has(`${id}:${unitId}`))
				return refuse(409, 'srv_calibration_conflict', {
					name: pool.get(id)!.name,
					unit: input.unitCode
				});
		}
		const visitId =
			existing ??
			(await insertVisit(
				trx,
				{ periodId: period.id, unitId, visitNo: 1, plannedOn: null, kind: 'calibration' },
				now
			));
		for (const id of input.assessorIds) await addVisitAssessor(trx, visitId, id);
		await auditTrail(trx, input.actorId, now).record('calibration.anchor', 'visit', visitId, {
			period: period.code,
			unit: input.unitCode,
			assessors: input.assessorIds.map((id) => pool.get(id)!.name)
		});
		return ok(visitId);
	});
}

export async function markCalibrated(
	db: Db,
	input: { periodCode: string; userId: number; calibrated: boolean; actorId: number },
	now: Date
): Promise<ServiceResult> {
	return onPeriod(db, input.periodCode, async (trx, period) => {
		const assessor = (await listActiveAssessors(trx)).find((a) => a.id === input.userId);
		if (!assessor) return refuse(400, 'srv_assessor_unknown');
		await setAssessorCalibrated(trx, period.id, input.userId, input.calibrated, input.actorId, now);
		await auditTrail(trx, input.actorId, now).record(
			input.calibrated ? 'calibration.mark' : 'calibration.unmark',
			'user',
			input.userId,
			{ period: period.code, assessor: assessor.name }
		);
		return ok(undefined);
	});
}

export async function requireCalibratedAssessors(
	db: Db,
	input: { periodCode: string; required: boolean; actorId: number },
	now: Date
): Promise<ServiceResult> {
	return onPeriod(db, input.periodCode, async (trx, period) => {
		await setRequireCalibrated(trx, period.id, input.required, now);
		await auditTrail(trx, input.actorId, now).record('period.require_calibrated', 'period', period.id, {
			period: period.code,
			require_calibrated: input.required
		});
		return ok(undefined);
	});
}
