import type { Db } from '../db/connection';
import type { CalibrationScore } from '../../domain/reliability';

// Calibration round of a period (docs/rules.md §9.1): visits of kind 'calibration', one per anchor
// unit, scored on the usual sheets. Nothing here is read by results, flags, leniency or coaching.

export interface CalibrationAnchor {
	visitId: number;
	unitId: number;
	unitCode: string;
	unitName: string;
	assessors: { id: number; name: string; email: string; sheet: 'not_started' | 'draft' | 'submitted' }[];
}

export async function listCalibrationAnchors(db: Db, periodId: number): Promise<CalibrationAnchor[]> {
	const rows = await db
		.selectFrom('visit')
		.innerJoin('unit', 'unit.id', 'visit.unit_id')
		.leftJoin('visit_assessor', 'visit_assessor.visit_id', 'visit.id')
		.leftJoin('user', 'user.id', 'visit_assessor.user_id')
		.leftJoin('score_sheet', (j) =>
			j.onRef('score_sheet.visit_id', '=', 'visit.id').onRef('score_sheet.assessor_id', '=', 'user.id')
		)
		.select([
			'visit.id as visitId',
			'unit.id as unitId',
			'unit.code as unitCode',
			'unit.name as unitName',
			'user.id as userId',
			'user.name as userName',
			'user.email as email',
			'score_sheet.status as sheet'
		])
		.where('visit.period_id', '=', periodId)
		.where('visit.kind', '=', 'calibration')
		.orderBy('unit.code')
		.orderBy('user.name')
		.execute();
	const anchors = new Map<number, CalibrationAnchor>();
	for (const r of rows) {
		let a = anchors.get(r.visitId);
		if (!a) {
			a = { visitId: r.visitId, unitId: r.unitId, unitCode: r.unitCode, unitName: r.unitName, assessors: [] };
			anchors.set(r.visitId, a);
		}
		if (r.userId !== null)
			a.assessors.push({ id: r.userId, name: r.userName!, email: r.email!, sheet: r.sheet ?? 'not_started' });
	}
	return [...anchors.values()];
}

/**
 * Scores of submitted calibration sheets, anchors by unit code then the instrument's indicator
 * order, so the domain keeps that order for pairs (docs/rules.md §9.1). Unscored entries are left out.
 */
export async function listCalibrationScores(db: Db, periodId: number): Promise<CalibrationScore[]> {
	const rows = await db
		.selectFrom('score')
		.innerJoin('score_sheet', 'score_sheet.id', 'score.sheet_id')
		.innerJoin('visit', 'visit.id', 'score_sheet.visit_id')
		.innerJoin('unit', 'unit.id', 'visit.unit_id')
		.innerJoin('user', 'user.id', 'score_sheet.assessor_id')
		.innerJoin('indicator', 'indicator.id', 'score.indicator_id')
		.innerJoin('aspect', 'aspect.id', 'indicator.aspect_id')
		.select(['user.email as assessor', 'unit.code as unit', 'indicator.code as indicator', 'score.score'])
		.where('visit.period_id', '=', periodId)
		.where('visit.kind', '=', 'calibration')
		.where('score_sheet.status', '=', 'submitted')
		.where('score.score', 'is not', null)
		.orderBy('unit.code')
		.orderBy('visit.visit_no')
		.orderBy('aspect.position')
		.orderBy('indicator.position')
		.orderBy('user.email')
		.execute();
	return rows.map((r) => ({ assessor: r.assessor, unit: r.unit, indicator: r.indicator, score: r.score! }));
}

/** Units that already have a calibration visit in the period. */
export async function calibrationAnchorIds(db: Db, periodId: number): Promise<Set<number>> {
	const rows = await db
		.selectFrom('visit')
		.select('unit_id')
		.where('period_id', '=', periodId)
		.where('kind', '=', 'calibration')
		.execute();
	return new Set(rows.map((r) => r.unit_id));
}

export async function findCalibrationVisit(db: Db, periodId: number, unitId: number): Promise<number | null> {
	const r = await db
		.selectFrom('visit')
		.select('id')
		.where('period_id', '=', periodId)
		.where('unit_id', '=', unitId)
		.where('kind', '=', 'calibration')
		.orderBy('visit_no')
		.executeTakeFirst();
	return r?.id ?? null;
}

export async function listCalibratedAssessorIds(db: Db, periodId: number): Promise<Set<number>> {
	const rows = await db
		.selectFrom('calibrated_assessor')
		.select('user_id')
		.where('period_id', '=', periodId)
		.execute();
	return new Set(rows.map((r) => r.user_id));
}

export async function setAssessorCalibrated(
	db: Db,
	periodId: number,
	userId: number,
	calibrated: boolean,
	actorId: number | null,
	now: Date
): Promise<void> {
	if (!calibrated) {
		await db
			.deleteFrom('calibrated_assessor')
			.where('period_id', '=', periodId)
			.where('user_id', '=', userId)
			.execute();
		return;
	}
	await db
		.insertInto('calibrated_assessor')
		.values({ period_id: periodId, user_id: userId, marked_by: actorId, marked_at: now.getTime() })
		.onConflict((oc) => oc.doNothing())
		.execute();
}

export async function findRequireCalibrated(db: Db, periodId: number): Promise<boolean> {
	const r = await db
		.selectFrom('period')
		.select('require_calibrated')
		.where('id', '=', periodId)
		.executeTakeFirst();
	return r?.require_calibrated === 1;
}

export async function setRequireCalibrated(
	db: Db,
	periodId: number,
	required: boolean,
	now: Date
): Promise<void> {
	await db
		.updateTable('period')
		.set({ require_calibrated: required ? 1 : 0, updated_at: now.getTime() })
		.where('id', '=', periodId)
		.execute();
}
