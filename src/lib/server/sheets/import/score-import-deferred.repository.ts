import type { Db } from '../../db/connection';
import type { ScoreImportWriter } from './score-import.repository';

// `import-scores` on PostgreSQL, where no query runs synchronously: the writer hands out
// placeholder ids (negative) while the file is read, remembers every write in order, and
// `flush` performs them in the caller's transaction with real ids, rows in multi-row batches.

const BATCH = 1000;

type Op =
	| { kind: 'visit'; temp: number; unitId: number; visitNo: number; visitKind: 'regular' | 'calibration' }
	| { kind: 'assessor'; temp: number; email: string; name: string }
	| { kind: 'deleteSheet'; sheetId: number }
	| { kind: 'sheet'; temp: number; visitId: number; assessorId: number };

export async function createDeferredScoreImportWriter(
	trx: Db,
	periodId: number,
	now: Date,
	kind: 'regular' | 'calibration' = 'regular'
): Promise<ScoreImportWriter & { flush(): Promise<void> }> {
	const t = now.getTime();
	const visits = new Map<string, number>();
	for (const v of await trx
		.selectFrom('visit')
		.select(['id', 'unit_id', 'visit_no'])
		.where('period_id', '=', periodId)
		.where('kind', '=', kind)
		.execute())
		visits.set(`${v.unit_id}:${v.visit_no}`, v.id);
	const sheets = new Map<string, number>();
	const visitOfSheet = new Map<number, number>();
	// Visits (placeholders until flush) whose totals change (table unit_visit_total): their units are
	// recomputed after the flush; PostgreSQL has no benchmark target that needs the SQLite shortcut.
	const touched = new Set<number>();
	for (const s of await trx
		.selectFrom('score_sheet as s')
		.innerJoin('visit as v', 'v.id', 's.visit_id')
		.select(['s.id', 's.visit_id', 's.assessor_id'])
		.where('v.period_id', '=', periodId)
		.where('v.kind', '=', kind)
		.execute()) {
		sheets.set(`${s.visit_id}:${s.assessor_id}`, s.id);
		visitOfSheet.set(s.id, s.visit_id);
	}

	let nextTemp = -1;
	const ops: Op[] = [];
	const scores: [number, number, number, string | null][] = [];
	const sums: [number, number, number][] = [];
	const real = new Map<number, number>();
	const id = (v: number) => (v < 0 ? real.get(v)! : v);

	return {
		visitId(unitId, visitNo) {
			const key = `${unitId}:${visitNo}`;
			let v = visits.get(key);
			if (v === undefined) {
				v = nextTemp--;
				ops.push({ kind: 'visit', temp: v, unitId, visitNo, visitKind: kind });
				visits.set(key, v);
			}
			return v;
		},
		findVisitId: (unitId, visitNo) => visits.get(`${unitId}:${visitNo}`) ?? null,
		existingSheet: (visitId, assessorId) => sheets.get(`${visitId}:${assessorId}`) ?? null,
		deleteSheet(sheetId) {
			const visitId = visitOfSheet.get(sheetId);
			if (visitId !== undefined) touched.add(visitId);
			ops.push({ kind: 'deleteSheet', sheetId });
		},
		insertSheet(visitId, assessorId) {
			const temp = nextTemp--;
			ops.push({ kind: 'sheet', temp, visitId, assessorId });
			touched.add(visitId);
			sheets.set(`${visitId}:${assessorId}`, temp);
			return temp;
		},
		addScore(sheetId, indicatorId, score, note) {
			scores.push([sheetId, indicatorId, score, note]);
		},
		addAspectSum(sheetId, aspectId, weightedSum) {
			sums.push([sheetId, aspectId, weightedSum]);
		},
		createAssessor(email, name) {
			const temp = nextTemp--;
			ops.push({ kind: 'assessor', temp, email, name });
			return temp;
		},
		async flush() {
			await performInBatches(trx, ops.splice(0), periodId, t, id, real);
			for (let i = 0; i < scores.length; i += BATCH)
				await trx
					.insertInto('score')
					.values(
						scores.slice(i, i + BATCH).map(([s, indicator_id, score, note]) => ({
							sheet_id: id(s),
							indicator_id,
							score,
							note
						}))
					)
					.execute();
			for (let i = 0; i < sums.length; i += BATCH)
				await trx
					.insertInto('sheet_aspect_sum')
					.values(
						sums.slice(i, i + BATCH).map(([s, aspect_id, weighted_sum]) => ({
							sheet_id: id(s),
							aspect_id,
							weighted_sum
						}))
					)
					.execute();
			scores.length = 0;
			sums.length = 0;
		},
		visitsToRefresh: () => [...touched].map(id)
	};
}

/** The rows of `list`, BATCH at a time. */
function* batches<T>(list: readonly T[]): Generator<T[]> {
	for (let i = 0; i < list.length; i += BATCH) yield list.slice(i, i + BATCH);
}

/**
 * The remembered writes as multi-row statements, one kind after the other: one round trip per
 * thousand rows instead of two per sheet (a national import made 680,000 round trips). The order
 * keeps every dependency: replaced sheets go before their replacements (same visit and assessor),
 * assessors and visits before the sheets that name them. Ids come back with the row's own key,
 * never by position.
 */
async function performInBatches(
	trx: Db,
	ops: readonly Op[],
	periodId: number,
	t: number,
	id: (v: number) => number,
	real: Map<number, number>
): Promise<void> {
	const pick = <K extends Op['kind']>(kind: K) =>
		ops.filter((o): o is Extract<Op, { kind: K }> => o.kind === kind);
	for (const rows of batches(pick('deleteSheet')))
		await trx
			.deleteFrom('score_sheet')
			.where(
				'id',
				'in',
				rows.map((r) => r.sheetId)
			)
			.execute();
	for (const rows of batches(pick('assessor'))) {
		const temp = new Map(rows.map((r) => [r.email, r.temp]));
		const made = await trx
			.insertInto('user')
			.values(
				rows.map((r) => ({
					email: r.email,
					name: r.name,
					role: 'assessor' as const,
					password_hash: null,
					created_at: t,
					updated_at: t
				}))
			)
			.returning(['id', 'email'])
			.execute();
		for (const m of made) real.set(temp.get(m.email)!, m.id);
	}
	for (const rows of batches(pick('visit'))) {
		const key = (unitId: number, visitNo: number) => `${unitId}:${visitNo}`;
		const temp = new Map(rows.map((r) => [key(r.unitId, r.visitNo), r.temp]));
		const made = await trx
			.insertInto('visit')
			.values(
				rows.map((r) => ({
					period_id: periodId,
					unit_id: r.unitId,
					visit_no: r.visitNo,
					kind: r.visitKind,
					created_at: t
				}))
			)
			.returning(['id', 'unit_id', 'visit_no'])
			.execute();
		for (const m of made) real.set(temp.get(key(m.unit_id, m.visit_no))!, m.id);
	}
	const sheets = pick('sheet').map((r) => ({
		temp: r.temp,
		visitId: id(r.visitId),
		assessorId: id(r.assessorId)
	}));
	for (const rows of batches(sheets)) {
		await trx
			.insertInto('visit_assessor')
			.values(rows.map((r) => ({ visit_id: r.visitId, user_id: r.assessorId })))
			.onConflict((oc) => oc.doNothing())
			.execute();
		const key = (visitId: number, assessorId: number) => `${visitId}:${assessorId}`;
		const temp = new Map(rows.map((r) => [key(r.visitId, r.assessorId), r.temp]));
		const made = await trx
			.insertInto('score_sheet')
			.values(
				rows.map((r) => ({
					visit_id: r.visitId,
					assessor_id: r.assessorId,
					status: 'submitted' as const,
					source: 'import' as const,
					submitted_at: t,
					created_at: t,
					updated_at: t
				}))
			)
			.returning(['id', 'visit_id', 'assessor_id'])
			.execute();
		for (const m of made) real.set(temp.get(key(m.visit_id, m.assessor_id))!, m.id);
	}
}
