import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { refreshPeriodVisitTotals } from '../sheets/visit-total.repository';
import type { Db } from '../db/connection';

// What a correction can change (docs/rules.md §8.3): the regular visits of the period, their
// teams and sheets (scores, aspect sums, evidence rows). Copied, row for row, into the
// correction_* tables when the correction opens, and copied back when it is abandoned; evidence
// files stay in UPLOAD_DIR (stored by hash). The copies never leave the database: a national
// period (README, "Benchmark") has too many scores to pass through the server's memory.

/** A live table, the table of its copies, and the columns copied besides the copy's tag. */
interface Copied {
	live: string;
	kept: string;
	columns: readonly string[];
}

const VISITS: Copied = {
	live: 'visit',
	kept: 'correction_visit',
	columns: ['id', 'period_id', 'unit_id', 'visit_no', 'kind', 'coaching_plan_id', 'planned_on', 'created_at']
};
const TEAMS: Copied = {
	live: 'visit_assessor',
	kept: 'correction_visit_assessor',
	columns: ['visit_id', 'user_id']
};
const SHEETS: Copied = {
	live: 'score_sheet',
	kept: 'correction_sheet',
	columns: [
		'id',
		'visit_id',
		'assessor_id',
		'status',
		'version',
		'source',
		'submitted_at',
		'created_at',
		'updated_at'
	]
};

/** The rows of a sheet, keyed by `sheet_id`; `columns` leaves out the sheet and any id of their own. */
interface SheetRows extends Copied {
	ownId: boolean;
}

const SHEET_ROWS: readonly SheetRows[] = [
	{ live: 'score', kept: 'correction_score', columns: ['indicator_id', 'score', 'note'], ownId: false },
	{
		live: 'sheet_aspect_sum',
		kept: 'correction_sheet_aspect_sum',
		columns: ['aspect_id', 'weighted_sum'],
		ownId: false
	},
	{
		live: 'evidence',
		kept: 'correction_evidence',
		columns: ['indicator_id', 'file_id', 'original_name', 'uploaded_by', 'created_at'],
		ownId: true
	}
];

const withIds = (t: SheetRows) => [...(t.ownId ? ['id'] : []), 'sheet_id', ...t.columns];

type AnyDb = Kysely<any>;
type Rows = SelectQueryBuilder<any, any, any>;

/** `insert into table (columns) select …`: rows copied inside the database. */
async function copyInto(db: Db, table: string, columns: readonly string[], rows: Rows): Promise<void> {
	await (db as AnyDb).insertInto(table).columns(columns).expression(rows).execute();
}

function regularVisitIds(db: Db, periodId: number) {
	return db.selectFrom('visit').select('id').where('period_id', '=', periodId).where('kind', '=', 'regular');
}

function regularSheetIds(db: Db, periodId: number) {
	return db.selectFrom('score_sheet').select('id').where('visit_id', 'in', regularVisitIds(db, periodId));
}

/** A number written into the statement: PostgreSQL cannot type a parameter in a select list. */
function literal(value: number, as: string) {
	if (!Number.isSafeInteger(value)) throw new TypeError(`not an id: ${value}`);
	return sql.lit<number>(value).as(as);
}

/** The correction's copies in `t`. */
function keptRows(db: Db, t: Copied, correctionId: number) {
	return (db as AnyDb).selectFrom(t.kept).where('correction_id', '=', correctionId);
}

/** Copies the period's regular visits, teams and sheets as they are now into the correction's tables. */
export async function captureSheets(db: Db, correctionId: number, periodId: number): Promise<void> {
	const tag = literal(correctionId, 'correction_id');
	const visitIds = regularVisitIds(db, periodId);
	const capture = (t: Copied, columns: readonly string[], key: string, ids: Rows) =>
		copyInto(
			db,
			t.kept,
			['correction_id', ...columns],
			(db as AnyDb)
				.selectFrom(t.live)
				.select([tag, ...columns])
				.where(key, 'in', ids)
		);
	await capture(VISITS, VISITS.columns, 'id', visitIds);
	await capture(TEAMS, TEAMS.columns, 'visit_id', visitIds);
	await capture(SHEETS, SHEETS.columns, 'visit_id', visitIds);
	for (const t of SHEET_ROWS) await capture(t, withIds(t), 'sheet_id', regularSheetIds(db, periodId));
}

/** Drops the correction's copy (it closes: published or abandoned). */
export async function discardSheetBackup(db: Db, correctionId: number): Promise<void> {
	for (const t of [VISITS, TEAMS, SHEETS, ...SHEET_ROWS])
		await (db as AnyDb).deleteFrom(t.kept).where('correction_id', '=', correctionId).execute();
}

/**
 * Puts the period's regular visits, teams and sheets back as the correction copied them; visits
 * added since go. Nothing but teams and sheets refers to a visit, and the visits keep their ids.
 * SQLite may give a removed row's id to a new row elsewhere (its ids are not AUTOINCREMENT): a
 * sheet or evidence row whose id was taken so comes back under a new id.
 */
export async function restoreSheets(db: Db, correctionId: number, periodId: number): Promise<void> {
	// Every regular visit of the period goes, and with it (cascades) its team, sheets, scores,
	// sums and evidence rows; the copied ones come back under their own ids, every column as copied.
	await db.deleteFrom('visit').where('period_id', '=', periodId).where('kind', '=', 'regular').execute();
	await copyInto(db, 'visit', VISITS.columns, keptRows(db, VISITS, correctionId).select(VISITS.columns));
	await copyInto(
		db,
		'visit_assessor',
		TEAMS.columns,
		keptRows(db, TEAMS, correctionId).select(TEAMS.columns)
	);
	await restoreSheetRows(db, correctionId, periodId);
	await restoreDisplacedSheets(db, correctionId);
	// The units' totals follow the sheets put back, and the visits taken away (table unit_visit_total).
	await refreshPeriodVisitTotals(db, periodId);
}

/** The sheets whose ids are free, with their scores, sums and evidence. */
async function restoreSheetRows(db: Db, correctionId: number, periodId: number): Promise<void> {
	await copyInto(
		db,
		'score_sheet',
		SHEETS.columns,
		keptRows(db, SHEETS, correctionId)
			.select(SHEETS.columns)
			.where('id', 'not in', db.selectFrom('score_sheet').select('id'))
	);
	// The period's regular sheets are now exactly those put back under their own ids.
	for (const t of SHEET_ROWS) {
		const rows = () => keptRows(db, t, correctionId).where('sheet_id', 'in', regularSheetIds(db, periodId));
		if (!t.ownId) {
			await copyInto(db, t.live, withIds(t), rows().select(withIds(t)));
			continue;
		}
		await copyInto(
			db,
			t.live,
			withIds(t),
			rows()
				.select(withIds(t))
				.where('id', 'not in', (db as AnyDb).selectFrom(t.live).select('id'))
		);
		// Rows whose id a row elsewhere holds come back under new ids.
		await copyInto(
			db,
			t.live,
			['sheet_id', ...t.columns],
			rows()
				.select(['sheet_id', ...t.columns])
				.where(({ not, exists, selectFrom }) =>
					not(
						exists(
							selectFrom(`${t.live} as live`)
								.select('live.id')
								.whereRef('live.id', '=', `${t.kept}.id`)
								.whereRef('live.sheet_id', '=', `${t.kept}.sheet_id`)
						)
					)
				)
		);
	}
}

/** Sheets whose id a row elsewhere holds now: each comes back under a new id, its rows with it. */
async function restoreDisplacedSheets(db: Db, correctionId: number): Promise<void> {
	const displaced = await keptRows(db, SHEETS, correctionId)
		.select(SHEETS.columns)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('score_sheet as live')
						.select('live.id')
						.whereRef('live.id', '=', 'correction_sheet.id')
						.whereRef('live.visit_id', '=', 'correction_sheet.visit_id')
				)
			)
		)
		.execute();
	for (const { id: old, ...sheet } of displaced) {
		const { id } = await (db as AnyDb)
			.insertInto('score_sheet')
			.values(sheet)
			.returning('id')
			.executeTakeFirstOrThrow();
		for (const t of SHEET_ROWS)
			await copyInto(
				db,
				t.live,
				['sheet_id', ...t.columns],
				keptRows(db, t, correctionId)
					.select([literal(id, 'sheet_id'), ...t.columns])
					.where('sheet_id', '=', old)
			);
	}
}
