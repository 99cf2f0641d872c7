import type { Db } from '../db/connection';
import type { SheetScores } from '../../domain/scoring/types';
import { EVIDENCE_FILE_COLUMNS, toEvidenceFile, type EvidenceFile } from './evidence.repository';
import { readInSlices } from '../db/slices';

export type { EvidenceFile };

// A unit's scores, notes and evidence in a period. Only submitted sheets of regular visits:
// follow-up and calibration visits never enter the period's numbers (docs/rules.md §5).

/**
 * The sheets of a period's regular visits, joined to their visit. Every reader of the period's
 * sheets starts here and adds the status it reads and the tables it needs.
 */
export function regularSheetsOf(db: Db, periodId: number) {
	return db
		.selectFrom('score_sheet')
		.innerJoin('visit', 'visit.id', 'score_sheet.visit_id')
		.where('visit.period_id', '=', periodId)
		.where('visit.kind', '=', 'regular');
}

/** The submitted ones: the only sheets whose scores, notes and evidence count. */
export function countedSheetsOf(db: Db, periodId: number) {
	return regularSheetsOf(db, periodId).where('score_sheet.status', '=', 'submitted');
}

/** Scores on the counted sheets, with their indicator. */
function submittedRegularScores(db: Db, periodId: number) {
	return countedSheetsOf(db, periodId)
		.innerJoin('score', 'score.sheet_id', 'score_sheet.id')
		.innerJoin('indicator', 'indicator.id', 'score.indicator_id');
}

/** Submitted sheets of a unit's regular visits in a period, scores keyed by indicator code. */
export async function listUnitSheetScores(db: Db, periodId: number, unitId: number): Promise<SheetScores[]> {
	const map = await listSheetScoresOfUnits(db, periodId, [unitId]);
	return map.get(unitId) ?? [];
}

/** The same for many units at once (plan drafting); keyed by unit id. */
export async function listSheetScoresOfUnits(
	db: Db,
	periodId: number,
	unitIds: number[]
): Promise<Map<number, SheetScores[]>> {
	const out = new Map<number, SheetScores[]>();
	if (unitIds.length === 0) return out;
	// A unit's sheets in id order: all of a unit's rows come in one slice.
	const rows = await readInSlices(unitIds, (slice) =>
		submittedRegularScores(db, periodId)
			.select([
				'visit.unit_id as unitId',
				'visit.visit_no as visitNo',
				'score_sheet.id as sheetId',
				'score_sheet.assessor_id as assessorId',
				'indicator.code',
				'score.score'
			])
			.where('visit.unit_id', 'in', slice)
			.where('score.score', 'is not', null)
			.orderBy('score_sheet.id')
			.execute()
	);
	const sheets = new Map<
		number,
		{ unitId: number; sheet: SheetScores & { scores: Record<string, number> } }
	>();
	for (const r of rows) {
		let entry = sheets.get(r.sheetId);
		if (!entry) {
			entry = { unitId: r.unitId, sheet: { visitNo: r.visitNo, assessorId: r.assessorId, scores: {} } };
			sheets.set(r.sheetId, entry);
		}
		entry.sheet.scores[r.code] = r.score as number;
	}
	for (const { unitId, sheet } of sheets.values()) {
		const list = out.get(unitId) ?? [];
		list.push(sheet);
		out.set(unitId, list);
	}
	return out;
}

export interface ScoreNote {
	indicatorCode: string;
	visitNo: number;
	assessorName: string;
	note: string;
}

export async function listUnitScoreNotes(db: Db, periodId: number, unitId: number): Promise<ScoreNote[]> {
	const rows = await submittedRegularScores(db, periodId)
		.innerJoin('user', 'user.id', 'score_sheet.assessor_id')
		.select(['indicator.code', 'visit.visit_no', 'user.name', 'score.note'])
		.where('visit.unit_id', '=', unitId)
		.where('score.note', 'is not', null)
		.where('score.note', '!=', '')
		.orderBy('visit.visit_no')
		.execute();
	return rows.map((r) => ({
		indicatorCode: r.code,
		visitNo: r.visit_no,
		assessorName: r.name,
		note: r.note as string
	}));
}

export async function listUnitEvidence(db: Db, periodId: number, unitId: number): Promise<EvidenceFile[]> {
	const rows = await countedSheetsOf(db, periodId)
		.innerJoin('evidence', 'evidence.sheet_id', 'score_sheet.id')
		.innerJoin('indicator', 'indicator.id', 'evidence.indicator_id')
		.innerJoin('stored_file', 'stored_file.id', 'evidence.file_id')
		.select(EVIDENCE_FILE_COLUMNS)
		.where('visit.unit_id', '=', unitId)
		.orderBy('evidence.id')
		.execute();
	return rows.map(toEvidenceFile);
}
