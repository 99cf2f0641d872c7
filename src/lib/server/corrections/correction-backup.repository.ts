import type { Insertable } from 'kysely';
import { refreshPeriodVisitTotals } from '../sheets/visit-total.repository';
import type { Db } from '../db/connection';
import type { Database } from '../db/schema';
import { slices } from '../db/slices';

// What a correction can change (docs/rules.md §8.3): the regular visits of the period, their
// teams and sheets (scores, aspect sums, evidence rows). Captured when the correction opens and
// written back when it is abandoned; evidence files stay in UPLOAD_DIR (stored by hash).

type Row<T extends keyof Database> = Insertable<Database[T]> & { id?: number };

export interface SheetBackup {
	visits: Row<'visit'>[];
	team: Row<'visit_assessor'>[];
	sheets: Row<'score_sheet'>[];
	scores: Row<'score'>[];
	sums: Row<'sheet_aspect_sum'>[];
	evidence: Row<'evidence'>[];
}

// Rows of one multi-row insert: each row binds a parameter per column (a dozen on score_sheet).
const INSERT_SLICE = 400;

function regularVisitIds(db: Db, periodId: number) {
	return db.selectFrom('visit').select('id').where('period_id', '=', periodId).where('kind', '=', 'regular');
}

export async function captureSheets(db: Db, periodId: number): Promise<SheetBackup> {
	const visits = await db
		.selectFrom('visit')
		.selectAll()
		.where('period_id', '=', periodId)
		.where('kind', '=', 'regular')
		.execute();
	const sheetIds = db
		.selectFrom('score_sheet')
		.select('id')
		.where('visit_id', 'in', regularVisitIds(db, periodId));
	return {
		visits,
		team: await db
			.selectFrom('visit_assessor')
			.selectAll()
			.where('visit_id', 'in', regularVisitIds(db, periodId))
			.execute(),
		sheets: await db
			.selectFrom('score_sheet')
			.selectAll()
			.where('visit_id', 'in', regularVisitIds(db, periodId))
			.execute(),
		scores: await db.selectFrom('score').selectAll().where('sheet_id', 'in', sheetIds).execute(),
		sums: await db.selectFrom('sheet_aspect_sum').selectAll().where('sheet_id', 'in', sheetIds).execute(),
		evidence: await db.selectFrom('evidence').selectAll().where('sheet_id', 'in', sheetIds).execute()
	};
}

async function insertChunked<T extends keyof Database & string>(
	db: Db,
	table: T,
	rows: Row<T>[]
): Promise<void> {
	for (const slice of slices(rows, INSERT_SLICE))
		await db
			.insertInto(table)
			.values(slice as any)
			.execute();
}

/** Ids among `ids` already used in `table` (by rows outside this period's regular visits). */
async function takenIds(
	db: Db,
	table: 'visit' | 'score_sheet' | 'evidence',
	ids: number[]
): Promise<Set<number>> {
	const taken = new Set<number>();
	for (const slice of slices(ids)) {
		const rows = await db.selectFrom(table).select('id').where('id', 'in', slice).execute();
		for (const r of rows) taken.add(r.id);
	}
	return taken;
}

/** Puts the period's regular visits, teams and sheets back as captured; later ones go. */
export async function restoreSheets(db: Db, periodId: number, b: SheetBackup): Promise<void> {
	const keptVisits = new Set(b.visits.map((v) => v.id!));
	const current = (await regularVisitIds(db, periodId).execute()).map((r) => r.id);
	const added = current.filter((id) => !keptVisits.has(id));
	const present = current.filter((id) => keptVisits.has(id));
	const isPresent = new Set(present);
	// Cascades remove their teams, sheets, scores, sums and evidence rows.
	for (const slice of slices(added)) await db.deleteFrom('visit').where('id', 'in', slice).execute();
	for (const ids of slices(present)) {
		await db.deleteFrom('score_sheet').where('visit_id', 'in', ids).execute();
		await db.deleteFrom('visit_assessor').where('visit_id', 'in', ids).execute();
	}
	for (const v of b.visits)
		if (isPresent.has(v.id!))
			await db.updateTable('visit').set({ planned_on: v.planned_on }).where('id', '=', v.id!).execute();
	await insertChunked(
		db,
		'visit',
		b.visits.filter((v) => !isPresent.has(v.id!))
	);
	await insertChunked(db, 'visit_assessor', b.team);
	// A sheet id taken meanwhile elsewhere gets a new id; its scores follow it.
	const takenSheets = await takenIds(
		db,
		'score_sheet',
		b.sheets.map((s) => s.id!)
	);
	const sheetId = new Map<number, number>();
	for (const s of b.sheets) {
		if (!takenSheets.has(s.id!)) {
			sheetId.set(s.id!, s.id!);
			continue;
		}
		const { id: old, ...rest } = s;
		const { id } = await db.insertInto('score_sheet').values(rest).returning('id').executeTakeFirstOrThrow();
		sheetId.set(old!, id);
	}
	await insertChunked(
		db,
		'score_sheet',
		b.sheets.filter((s) => !takenSheets.has(s.id!))
	);
	await insertChunked(
		db,
		'score',
		b.scores.map((s) => ({ ...s, sheet_id: sheetId.get(s.sheet_id)! }))
	);
	await insertChunked(
		db,
		'sheet_aspect_sum',
		b.sums.map((s) => ({ ...s, sheet_id: sheetId.get(s.sheet_id)! }))
	);
	const takenEvidence = await takenIds(
		db,
		'evidence',
		b.evidence.map((e) => e.id!)
	);
	const withSheet = b.evidence.map((e) => ({ ...e, sheet_id: sheetId.get(e.sheet_id)! }));
	await insertChunked(
		db,
		'evidence',
		withSheet.filter((e) => !takenEvidence.has(e.id!))
	);
	// Multi-row inserts need the same columns in every row: rows that lost their id go apart.
	await insertChunked(
		db,
		'evidence',
		withSheet.filter((e) => takenEvidence.has(e.id!)).map(({ id: _id, ...e }) => e)
	);
	// The units' totals follow the sheets put back, and the visits taken away (table unit_visit_total).
	await refreshPeriodVisitTotals(db, periodId);
}
