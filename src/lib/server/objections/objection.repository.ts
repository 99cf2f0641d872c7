import type { Db } from '../db/connection';
import { countedSheetsOf } from '../sheets/unit-sheet.repository';
import type { ObjectionOutcome, ObjectionStatus, ObjectionView } from '../../domain/objections';

// Objections of unit heads (masa sanggah, docs/rules.md §9.2) and the period's window.

export type { ObjectionStatus, ObjectionOutcome };

export interface ObjectionRow extends ObjectionView {
	filedAt: Date;
}

export async function findObjectionUntil(db: Db, periodId: number): Promise<string | null> {
	const r = await db
		.selectFrom('period')
		.select('objection_until')
		.where('id', '=', periodId)
		.executeTakeFirst();
	return r?.objection_until ?? null;
}

export async function setObjectionUntil(
	db: Db,
	periodId: number,
	until: string | null,
	now: Date
): Promise<void> {
	await db
		.updateTable('period')
		.set({ objection_until: until, updated_at: now.getTime() })
		.where('id', '=', periodId)
		.execute();
}

export async function insertObjection(
	db: Db,
	o: {
		periodId: number;
		unitId: number;
		indicatorId: number;
		claimedLevel: number;
		reason: string;
		filedBy: number;
	},
	now: Date
): Promise<number> {
	const { id } = await db
		.insertInto('objection')
		.values({
			period_id: o.periodId,
			unit_id: o.unitId,
			indicator_id: o.indicatorId,
			claimed_level: o.claimedLevel,
			reason: o.reason,
			filed_by: o.filedBy,
			filed_at: now.getTime()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export async function insertObjectionEvidence(
	db: Db,
	objectionId: number,
	fileId: number,
	originalName: string
): Promise<void> {
	await db
		.insertInto('objection_evidence')
		.values({ objection_id: objectionId, file_id: fileId, original_name: originalName })
		.execute();
}

export async function objectionExists(
	db: Db,
	periodId: number,
	unitId: number,
	indicatorId: number
): Promise<boolean> {
	const r = await db
		.selectFrom('objection')
		.select('id')
		.where('period_id', '=', periodId)
		.where('unit_id', '=', unitId)
		.where('indicator_id', '=', indicatorId)
		.executeTakeFirst();
	return r !== undefined;
}

/** The period's objections (one unit's when `unitId` is given), by unit code and indicator order. */
export async function listObjections(db: Db, periodId: number, unitId?: number): Promise<ObjectionRow[]> {
	let q = db
		.selectFrom('objection')
		.innerJoin('unit', 'unit.id', 'objection.unit_id')
		.innerJoin('indicator', 'indicator.id', 'objection.indicator_id')
		.innerJoin('aspect', 'aspect.id', 'indicator.aspect_id')
		.select([
			'objection.id',
			'unit.code as unitCode',
			'unit.name as unitName',
			'indicator.code as indicatorCode',
			'indicator.title as indicatorTitle',
			'objection.claimed_level as claimedLevel',
			'objection.reason',
			'objection.filed_at as filedAt',
			'objection.status',
			'objection.outcome',
			'objection.answer'
		])
		.where('objection.period_id', '=', periodId);
	if (unitId !== undefined) q = q.where('objection.unit_id', '=', unitId);
	const rows = await q
		.orderBy('unit.code')
		.orderBy('aspect.position')
		.orderBy('indicator.position')
		.execute();
	const files = rows.length
		? await db
				.selectFrom('objection_evidence')
				.select(['id', 'objection_id', 'original_name'])
				.where(
					'objection_id',
					'in',
					rows.map((r) => r.id)
				)
				.orderBy('id')
				.execute()
		: [];
	return rows.map((r) => ({
		...r,
		filedAt: new Date(r.filedAt),
		evidence: files.filter((f) => f.objection_id === r.id).map((f) => ({ id: f.id, name: f.original_name }))
	}));
}

export async function findObjection(
	db: Db,
	id: number
): Promise<{
	id: number;
	periodId: number;
	unitId: number;
	indicatorId: number;
	status: ObjectionStatus;
} | null> {
	const r = await db
		.selectFrom('objection')
		.select(['id', 'period_id', 'unit_id', 'indicator_id', 'status'])
		.where('id', '=', id)
		.executeTakeFirst();
	return r
		? { id: r.id, periodId: r.period_id, unitId: r.unit_id, indicatorId: r.indicator_id, status: r.status }
		: null;
}

/** Records the answer once: false when the objection was answered meanwhile. */
export async function answerObjectionRow(
	db: Db,
	id: number,
	a: {
		status: 'accepted' | 'rejected';
		outcome: ObjectionOutcome | null;
		answer: string;
		answeredBy: number;
	},
	now: Date
): Promise<boolean> {
	const r = await db
		.updateTable('objection')
		.set({
			status: a.status,
			outcome: a.outcome,
			answer: a.answer,
			answered_by: a.answeredBy,
			answered_at: now.getTime()
		})
		.where('id', '=', id)
		.where('status', '=', 'open')
		.executeTakeFirst();
	return Number(r.numUpdatedRows) === 1;
}

/** Submitted sheets of regular visits per unit code: what the office may reopen for an objection. */
export async function listReopenableSheets(
	db: Db,
	periodId: number
): Promise<{ unitCode: string; sheetId: number; visitNo: number; assessor: string }[]> {
	return countedSheetsOf(db, periodId)
		.innerJoin('unit', 'unit.id', 'visit.unit_id')
		.innerJoin('user', 'user.id', 'score_sheet.assessor_id')
		.select([
			'unit.code as unitCode',
			'score_sheet.id as sheetId',
			'visit.visit_no as visitNo',
			'user.name as assessor'
		])
		.where('unit.id', 'in', (eb) =>
			eb.selectFrom('objection').select('unit_id').where('period_id', '=', periodId)
		)
		.orderBy('unit.code')
		.orderBy('visit.visit_no')
		.execute();
}

/** Open objection windows of the periods covering the head's units (the unit home's notice). */
export async function listOpenWindowsForHead(
	db: Db,
	userId: number,
	today: string
): Promise<{ unitCode: string; periodCode: string; periodName: string; until: string }[]> {
	const rows = await db
		.selectFrom('unit_head')
		.innerJoin('period_unit', 'period_unit.unit_id', 'unit_head.unit_id')
		.innerJoin('period', 'period.id', 'period_unit.period_id')
		.innerJoin('unit', 'unit.id', 'unit_head.unit_id')
		.select([
			'unit.code as unitCode',
			'period.code as periodCode',
			'period.name as periodName',
			'period.objection_until as until'
		])
		.where('unit_head.user_id', '=', userId)
		.where('period.status', 'in', ['running', 'review'])
		.where('period.objection_until', '>=', today)
		.orderBy('period.code')
		.orderBy('unit.code')
		.execute();
	return rows.map((r) => ({ ...r, until: r.until! }));
}
