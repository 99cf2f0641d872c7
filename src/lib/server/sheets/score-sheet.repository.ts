import type { Db } from '../db/connection';
import { forUpdate } from '../db/dialect';
import { refreshVisitTotalOfSheet, refreshVisitTotals } from './visit-total.repository';

export interface NewSheet {
	visitId: number;
	assessorId: number;
	status: 'draft' | 'submitted';
	source: 'form' | 'import';
}

export async function insertSheet(db: Db, s: NewSheet, now: Date): Promise<number> {
	const { id } = await db
		.insertInto('score_sheet')
		.values({
			visit_id: s.visitId,
			assessor_id: s.assessorId,
			status: s.status,
			source: s.source,
			submitted_at: s.status === 'submitted' ? now.getTime() : null,
			created_at: now.getTime(),
			updated_at: now.getTime()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export interface ScoreRow {
	indicatorId: number;
	score: number | null;
	note: string | null;
}

export async function insertScores(db: Db, sheetId: number, rows: ScoreRow[]): Promise<void> {
	if (!rows.length) return;
	await db
		.insertInto('score')
		.values(
			rows.map((r) => ({ sheet_id: sheetId, indicator_id: r.indicatorId, score: r.score, note: r.note }))
		)
		.execute();
}

/** Per-sheet Σ w_i·s_i per aspect, kept beside the scores so results read one row per sheet and aspect. */
export async function replaceAspectSums(
	db: Db,
	sheetId: number,
	sums: { aspectId: number; weightedSum: number }[]
): Promise<void> {
	await db.deleteFrom('sheet_aspect_sum').where('sheet_id', '=', sheetId).execute();
	if (sums.length)
		await db
			.insertInto('sheet_aspect_sum')
			.values(sums.map((s) => ({ sheet_id: sheetId, aspect_id: s.aspectId, weighted_sum: s.weightedSum })))
			.execute();
	await refreshVisitTotalOfSheet(db, sheetId);
}

export type SheetStatus = 'draft' | 'submitted';

export interface SheetRecord {
	id: number;
	visitId: number;
	assessorId: number;
	status: SheetStatus;
	version: number;
	source: 'form' | 'import';
	submittedAt: Date | null;
	updatedAt: Date;
}

function toSheet(r: {
	id: number;
	visit_id: number;
	assessor_id: number;
	status: SheetStatus;
	version: number;
	source: 'form' | 'import';
	submitted_at: number | null;
	updated_at: number;
}): SheetRecord {
	return {
		id: r.id,
		visitId: r.visit_id,
		assessorId: r.assessor_id,
		status: r.status,
		version: r.version,
		source: r.source,
		submittedAt: r.submitted_at === null ? null : new Date(r.submitted_at),
		updatedAt: new Date(r.updated_at)
	};
}

const SHEET_COLUMNS = [
	'id',
	'visit_id',
	'assessor_id',
	'status',
	'version',
	'source',
	'submitted_at',
	'updated_at'
] as const;

export async function findSheetOf(db: Db, visitId: number, assessorId: number): Promise<SheetRecord | null> {
	const r = await db
		.selectFrom('score_sheet')
		.select(SHEET_COLUMNS)
		.where('visit_id', '=', visitId)
		.where('assessor_id', '=', assessorId)
		.executeTakeFirst();
	return r ? toSheet(r) : null;
}

/**
 * The assessor's sheet of the visit, created as an empty draft when missing. Two first saves at
 * once (two app processes, README "When one machine is not enough") create one sheet: the later
 * insert waits for the earlier transaction and does nothing, then reads the sheet it made.
 */
export async function findOrCreateDraftSheet(
	db: Db,
	visitId: number,
	assessorId: number,
	now: Date
): Promise<SheetRecord> {
	const found = await findSheetOf(db, visitId, assessorId);
	if (found) return found;
	await db
		.insertInto('score_sheet')
		.values({
			visit_id: visitId,
			assessor_id: assessorId,
			status: 'draft',
			source: 'form',
			created_at: now.getTime(),
			updated_at: now.getTime()
		})
		.onConflict((oc) => oc.columns(['visit_id', 'assessor_id']).doNothing())
		.execute();
	return (await findSheetOf(db, visitId, assessorId))!;
}

/**
 * The sheet, its row held until the caller's transaction ends: a rule that counts what belongs to
 * the sheet and then adds to it (ten files per indicator) holds for uploads that arrive together.
 */
export async function lockSheet(trx: Db, sheetId: number): Promise<SheetRecord> {
	const query = trx.selectFrom('score_sheet').select(SHEET_COLUMNS).where('id', '=', sheetId);
	return toSheet(await forUpdate(trx, query).executeTakeFirstOrThrow());
}

export async function findSheetById(db: Db, sheetId: number): Promise<SheetRecord | null> {
	const r = await db
		.selectFrom('score_sheet')
		.select(SHEET_COLUMNS)
		.where('id', '=', sheetId)
		.executeTakeFirst();
	return r ? toSheet(r) : null;
}

/** A sheet's entries keyed by indicator code; notes are '' when absent. */
export async function listSheetEntries(
	db: Db,
	sheetId: number
): Promise<Record<string, { score: number | null; note: string }>> {
	const rows = await db
		.selectFrom('score')
		.innerJoin('indicator', 'indicator.id', 'score.indicator_id')
		.select(['indicator.code', 'score.score', 'score.note'])
		.where('score.sheet_id', '=', sheetId)
		.execute();
	return Object.fromEntries(rows.map((r) => [r.code, { score: r.score, note: r.note ?? '' }]));
}

export async function upsertScore(db: Db, sheetId: number, row: ScoreRow): Promise<void> {
	await db
		.insertInto('score')
		.values({ sheet_id: sheetId, indicator_id: row.indicatorId, score: row.score, note: row.note })
		.onConflict((oc) =>
			oc.columns(['sheet_id', 'indicator_id']).doUpdateSet({ score: row.score, note: row.note })
		)
		.execute();
}

/** Optimistic versioning: only the writer that read `expected` moves the sheet on; false for a stale one. */
export async function advanceSheetVersion(
	db: Db,
	sheetId: number,
	expected: number,
	now: Date
): Promise<boolean> {
	const r = await db
		.updateTable('score_sheet')
		.set((eb) => ({ version: eb('version', '+', 1), updated_at: now.getTime() }))
		.where('id', '=', sheetId)
		.where('version', '=', expected)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) === 1;
}

export async function setSheetStatus(db: Db, sheetId: number, status: SheetStatus, now: Date): Promise<void> {
	await db
		.updateTable('score_sheet')
		.set((eb) => ({
			status,
			submitted_at: status === 'submitted' ? now.getTime() : null,
			version: eb('version', '+', 1),
			updated_at: now.getTime()
		}))
		.where('id', '=', sheetId)
		.execute(); // Only submitted sheets count in the visit's totals.
	await refreshVisitTotalOfSheet(db, sheetId);
}

export async function deleteAspectSums(db: Db, sheetId: number): Promise<void> {
	await db.deleteFrom('sheet_aspect_sum').where('sheet_id', '=', sheetId).execute();
	await refreshVisitTotalOfSheet(db, sheetId);
}

/** Scores, aspect sums and evidence rows go with it (foreign keys cascade). */
export async function deleteSheet(db: Db, sheetId: number): Promise<void> {
	const sheet = await db
		.selectFrom('score_sheet')
		.select('visit_id')
		.where('id', '=', sheetId)
		.executeTakeFirst();
	await db.deleteFrom('score_sheet').where('id', '=', sheetId).execute();
	if (sheet) await refreshVisitTotals(db, [sheet.visit_id]);
}

export interface VisitSheetSummary {
	sheetId: number;
	assessorId: number;
	assessorName: string;
	assessorEmail: string;
	status: SheetStatus;
	version: number;
	source: 'form' | 'import';
	submittedAt: Date | null;
	scored: number;
	evidence: number;
}

/** Every sheet of a visit, for administrators only. */
export async function listSheetsOfVisit(db: Db, visitId: number): Promise<VisitSheetSummary[]> {
	const rows = await db
		.selectFrom('score_sheet as s')
		.innerJoin('user', 'user.id', 's.assessor_id')
		.select((eb) => [
			's.id',
			's.assessor_id',
			'user.name',
			'user.email',
			's.status',
			's.version',
			's.source',
			's.submitted_at',
			eb
				.selectFrom('score')
				.whereRef('score.sheet_id', '=', 's.id')
				.where('score.score', 'is not', null)
				.select(eb.fn.countAll<number>().as('n'))
				.as('scored'),
			eb
				.selectFrom('evidence')
				.whereRef('evidence.sheet_id', '=', 's.id')
				.select(eb.fn.countAll<number>().as('n'))
				.as('evidence')
		])
		.where('s.visit_id', '=', visitId)
		.orderBy('user.name')
		.execute();
	return rows.map((r) => ({
		sheetId: r.id,
		assessorId: r.assessor_id,
		assessorName: r.name,
		assessorEmail: r.email,
		status: r.status,
		version: r.version,
		source: r.source,
		submittedAt: r.submitted_at === null ? null : new Date(r.submitted_at),
		scored: Number(r.scored ?? 0),
		evidence: Number(r.evidence ?? 0)
	}));
}
