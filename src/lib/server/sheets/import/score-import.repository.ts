import type BetterSqlite3 from 'better-sqlite3';
import { ImportVisitTotals } from './import-visit-totals';
import { unitVisitTotalRow } from '../visit-total.repository';

// Bulk writes of `import-scores`: prepared statements on the raw better-sqlite3 handle, run
// inside the caller's transaction. Kysely compiles every query anew, which costs more than the
// insert itself at millions of rows (README, Benchmark: import at least 200,000 scores/s).

const BATCH = 128;

/**
 * Map key of a pair of ids: one number while both fit in 26 bits (no string to build and hash for
 * each of 320,000 sheets), else the string; a number never equals a string, so keys stay distinct.
 */
const pairKey = (a: number, b: number): number | string =>
	a >= 0 && b >= 0 && a < 2 ** 26 && b < 2 ** 26 ? a * 2 ** 26 + b : `${a}:${b}`;

export interface ScoreImportWriter {
	/** Visit of (unit, visit number) of the writer's kind, created when missing. */
	visitId(unitId: number, visitNo: number): number;
	findVisitId(unitId: number, visitNo: number): number | null;
	/** Existing sheet of (visit, assessor), or null. */
	existingSheet(visitId: number, assessorId: number): number | null;
	deleteSheet(sheetId: number): void;
	/** A submitted, imported sheet; the assessor joins the visit's team. */
	insertSheet(visitId: number, assessorId: number): number;
	addScore(sheetId: number, indicatorId: number, score: number, note: string | null): void;
	/** One aspect sum of a sheet; a sheet's sums come together, sheets in the order inserted. */
	addAspectSum(sheetId: number, aspectId: number, weightedSum: number): void;
	/** An assessor account without a password: it cannot sign in until given one. */
	createAssessor(email: string, name: string): number;
	/** Writes what is still buffered, and the totals of the units whose visits it created (table unit_visit_total). */
	flush(): void | Promise<void>;
	/** After flush: visits whose totals must be recomputed from the database (refreshVisitTotals). */
	visitsToRefresh(): number[];
}

export function createScoreImportWriter(
	sqlite: BetterSqlite3.Database,
	periodId: number,
	now: Date,
	/** 'calibration': the sheets of a calibration round (docs/rules.md §9.1), outside every result */
	kind: 'regular' | 'calibration' = 'regular'
): ScoreImportWriter {
	const t = now.getTime();
	const visits = new Map<number | string, number>();
	const totals = new ImportVisitTotals();
	for (const [id, unitId, visitNo] of sqlite
		.prepare(`select id, unit_id, visit_no from visit where period_id = ? and kind = ?`)
		.raw()
		.iterate(periodId, kind) as Iterable<[number, number, number]>) {
		visits.set(pairKey(unitId, visitNo), id);
		totals.existingVisit(id, unitId);
	}
	const sheets = new Map<number | string, number>();
	for (const [id, visitId, assessorId] of sqlite
		.prepare(
			`select s.id, s.visit_id, s.assessor_id from score_sheet s join visit v on v.id = s.visit_id
			 where v.period_id = ? and v.kind = ?`
		)
		.raw()
		.iterate(periodId, kind) as Iterable<[number, number, number]>) {
		sheets.set(pairKey(visitId, assessorId), id);
		totals.existingSheet(id, visitId);
	}

	const insertVisit = sqlite.prepare(
		`insert into visit (period_id, unit_id, visit_no, kind, created_at) values (?, ?, ?, ?, ?)`
	);
	const insertTeam = sqlite.prepare(`insert or ignore into visit_assessor (visit_id, user_id) values (?, ?)`);
	const deleteSheet = sqlite.prepare(`delete from score_sheet where id = ?`);
	const insertSheet = sqlite.prepare(
		`insert into score_sheet (visit_id, assessor_id, status, source, submitted_at, created_at, updated_at)
		 values (?, ?, 'submitted', 'import', ?, ?, ?)`
	);
	const insertAssessor = sqlite.prepare(
		`insert into user (email, name, role, password_hash, created_at, updated_at) values (?, ?, 'assessor', null, ?, ?)`
	);
	const scoreSql = (n: number) =>
		`insert into score (sheet_id, indicator_id, score, note) values ${Array(n).fill('(?, ?, ?, ?)').join(', ')}`;
	const insertScores = sqlite.prepare(scoreSql(BATCH));
	const insertScore = sqlite.prepare(scoreSql(1));
	const sumSql = (n: number) =>
		`insert into sheet_aspect_sum (sheet_id, aspect_id, weighted_sum) values ${Array(n).fill('(?, ?, ?)').join(', ')}`;
	const insertSums = sqlite.prepare(sumSql(BATCH));
	const insertSum = sqlite.prepare(sumSql(1));
	const insertTotal = sqlite.prepare(
		`insert into unit_visit_total (period_id, unit_id, visits) values (?, ?, ?)`
	);
	let refresh: number[] = [];

	const scoreBuf: unknown[] = [];
	const sumBuf: unknown[] = [];
	const flushScores = () => {
		for (let i = 0; i < scoreBuf.length; i += 4) insertScore.run(scoreBuf.slice(i, i + 4));
		scoreBuf.length = 0;
	};
	const flushSums = () => {
		for (let i = 0; i < sumBuf.length; i += 3) insertSum.run(sumBuf.slice(i, i + 3));
		sumBuf.length = 0;
	};

	return {
		visitId(unitId, visitNo) {
			const key = pairKey(unitId, visitNo);
			let id = visits.get(key);
			if (id === undefined) {
				id = Number(insertVisit.run(periodId, unitId, visitNo, kind, t).lastInsertRowid);
				visits.set(key, id);
				totals.createdVisit(id, unitId, visitNo);
			}
			return id;
		},
		findVisitId(unitId, visitNo) {
			return visits.get(pairKey(unitId, visitNo)) ?? null;
		},
		existingSheet(visitId, assessorId) {
			return sheets.get(pairKey(visitId, assessorId)) ?? null;
		},
		deleteSheet(sheetId) {
			totals.deletedSheet(sheetId);
			deleteSheet.run(sheetId);
		},
		insertSheet(visitId, assessorId) {
			insertTeam.run(visitId, assessorId);
			const id = Number(insertSheet.run(visitId, assessorId, t, t, t).lastInsertRowid);
			sheets.set(pairKey(visitId, assessorId), id);
			totals.insertedSheet(id, visitId, assessorId);
			return id;
		},
		addScore(sheetId, indicatorId, score, note) {
			scoreBuf.push(sheetId, indicatorId, score, note);
			if (scoreBuf.length === BATCH * 4) {
				insertScores.run(scoreBuf);
				scoreBuf.length = 0;
			}
		},
		addAspectSum(sheetId, aspectId, weightedSum) {
			totals.aspectSum(sheetId, aspectId, weightedSum);
			sumBuf.push(sheetId, aspectId, weightedSum);
			if (sumBuf.length === BATCH * 3) {
				insertSums.run(sumBuf);
				sumBuf.length = 0;
			}
		},
		createAssessor(email, name) {
			return Number(insertAssessor.run(email, name, t, t).lastInsertRowid);
		},
		flush() {
			flushScores();
			flushSums();
			const done = totals.finish();
			// Only regular visits have totals (sheets/visit-total.repository.ts).
			if (kind === 'regular')
				for (const [unitId, unitTotals] of done.units) {
					const row = unitVisitTotalRow(periodId, unitId, unitTotals);
					insertTotal.run(row.period_id, row.unit_id, row.visits);
				}
			refresh = done.refresh;
		},
		visitsToRefresh: () => refresh
	};
}
