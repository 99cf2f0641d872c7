import type { Db } from '../db/connection';
import { countedSheetsOf } from '../sheets/unit-sheet.repository';

// Resolutions of disagreement flags (docs/rules.md §4.10) and what the review page shows of each flagged
// score: the assessor's note and the evidence attached to that indicator.

export interface NewFlagResolution {
	periodId: number;
	unitId: number;
	indicatorId: number;
	action: 'note' | 'extra_visit';
	note: string;
	resolvedBy: number;
}

export async function insertFlagResolution(db: Db, r: NewFlagResolution, now: Date): Promise<void> {
	await db
		.insertInto('disagreement_resolution')
		.values({
			period_id: r.periodId,
			unit_id: r.unitId,
			indicator_id: r.indicatorId,
			action: r.action,
			note: r.note,
			resolved_by: r.resolvedBy,
			resolved_at: now.getTime()
		})
		.execute();
}

export async function flagResolutionExists(
	db: Db,
	periodId: number,
	unitId: number,
	indicatorId: number
): Promise<boolean> {
	const row = await db
		.selectFrom('disagreement_resolution')
		.select('id')
		.where('period_id', '=', periodId)
		.where('unit_id', '=', unitId)
		.where('indicator_id', '=', indicatorId)
		.executeTakeFirst();
	return row !== undefined;
}

/** Highest regular visit number of a unit in a period (0 when it has none). */
export async function findMaxVisitNo(db: Db, periodId: number, unitId: number): Promise<number> {
	const row = await db
		.selectFrom('visit')
		.select((eb) => eb.fn.max('visit_no').as('n'))
		.where('period_id', '=', periodId)
		.where('unit_id', '=', unitId)
		.where('kind', '=', 'regular')
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

export interface FlaggedScoreDetail {
	unitCode: string;
	visitNo: number;
	assessorId: number;
	indicatorId: number;
	note: string | null;
	evidence: { id: number; name: string }[];
}

/** Notes and evidence of submitted regular sheets for the given units and indicators. */
export async function listFlaggedScoreDetails(
	db: Db,
	periodId: number,
	unitCodes: readonly string[],
	indicatorIds: readonly number[]
): Promise<FlaggedScoreDetail[]> {
	if (unitCodes.length === 0 || indicatorIds.length === 0) return [];
	const rows = await countedSheetsOf(db, periodId)
		.innerJoin('unit', 'unit.id', 'visit.unit_id')
		.innerJoin('score', 'score.sheet_id', 'score_sheet.id')
		.leftJoin('evidence', (j) =>
			j
				.onRef('evidence.sheet_id', '=', 'score_sheet.id')
				.onRef('evidence.indicator_id', '=', 'score.indicator_id')
		)
		.select([
			'unit.code as unitCode',
			'visit.visit_no as visitNo',
			'score_sheet.assessor_id as assessorId',
			'score.indicator_id as indicatorId',
			'score.note',
			'evidence.id as evidenceId',
			'evidence.original_name as evidenceName'
		])
		.where('unit.code', 'in', [...unitCodes])
		.where('score.indicator_id', 'in', [...indicatorIds])
		.execute();
	const byKey = new Map<string, FlaggedScoreDetail>();
	for (const r of rows) {
		const key = `${r.unitCode}|${r.visitNo}|${r.assessorId}|${r.indicatorId}`;
		let d = byKey.get(key);
		if (!d) {
			d = { ...r, evidence: [] };
			byKey.set(key, d);
		}
		if (r.evidenceId !== null && r.evidenceName !== null)
			d.evidence.push({ id: r.evidenceId, name: r.evidenceName });
	}
	return [...byKey.values()].map(({ unitCode, visitNo, assessorId, indicatorId, note, evidence }) => ({
		unitCode,
		visitNo,
		assessorId,
		indicatorId,
		note,
		evidence
	}));
}
