import type { Db } from '../db/connection';

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
}
