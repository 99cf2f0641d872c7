import type { Db } from '../db/connection';
import type { SheetScores } from '../../domain/scoring/types';
import type { ScoreNote } from '../sheets/unit-sheet.repository';
import { toEvidenceFile, type EvidenceFile } from '../sheets/evidence.repository';
import { findOpenCorrection } from './correction.repository';

// docs/rules.md §8.3: while a correction is open, readers keep the last published revision. The
// live sheets may be reopened, replaced or added meanwhile; what was published is the copy
// taken when the correction opened (correction-backup.repository), read here in the shapes of
// unit-sheet.repository.

export interface PublishedUnitSheets {
	sheets: SheetScores[];
	notes: ScoreNote[];
	evidence: EvidenceFile[];
}

/** A unit's submitted sheets as the published revision holds them; null when no correction is open. */
export async function findPublishedUnitSheets(
	db: Db,
	periodId: number,
	unitId: number
): Promise<PublishedUnitSheets | null> {
	const open = await findOpenCorrection(db, periodId);
	if (!open) return null;
	// Small reads by the second indexes, put in order here: joined, or ordered by id, SQLite
	// (without statistics) walks every copied sheet of the period instead.
	const visits = await db
		.selectFrom('correction_visit')
		.select(['id', 'visit_no'])
		.where('correction_id', '=', open.id)
		.where('unit_id', '=', unitId)
		.execute();
	if (visits.length === 0) return { sheets: [], notes: [], evidence: [] };
	const visitNo = new Map(visits.map((v) => [v.id, v.visit_no]));
	const sheets = (
		await db
			.selectFrom('correction_sheet as s')
			.leftJoin('user as a', 'a.id', 's.assessor_id')
			.select(['s.id', 's.visit_id', 's.assessor_id', 'a.name'])
			.where('s.correction_id', '=', open.id)
			.where('s.visit_id', 'in', [...visitNo.keys()])
			.where('s.status', '=', 'submitted')
			.execute()
	)
		.map((s) => ({ ...s, visit_no: visitNo.get(s.visit_id)! }))
		.sort((a, b) => a.id - b.id);
	if (sheets.length === 0) return { sheets: [], notes: [], evidence: [] };
	const sheetIds = sheets.map((s) => s.id);
	const scores = await db
		.selectFrom('correction_score as x')
		.innerJoin('indicator as i', 'i.id', 'x.indicator_id')
		.select(['x.sheet_id', 'i.code', 'x.score', 'x.note'])
		.where('x.correction_id', '=', open.id)
		.where('x.sheet_id', 'in', sheetIds)
		.orderBy('x.sheet_id')
		.orderBy('x.indicator_id')
		.execute();
	const sheetById = new Map(sheets.map((s) => [s.id, s]));
	return {
		sheets: sheets.map((s) => ({
			visitNo: s.visit_no,
			assessorId: s.assessor_id,
			scores: Object.fromEntries(
				scores.filter((x) => x.sheet_id === s.id && x.score !== null).map((x) => [x.code, x.score as number])
			)
		})),
		notes: scores
			.filter((x) => x.note)
			.map((x) => ({
				indicatorCode: x.code,
				visitNo: sheetById.get(x.sheet_id)!.visit_no,
				assessorName: sheetById.get(x.sheet_id)!.name ?? '',
				note: x.note as string
			}))
			.sort((a, b) => a.visitNo - b.visitNo),
		evidence: await storedEvidence(db, open.id, sheetIds)
	};
}

/** The published evidence still stored under its id with its file (a replaced sheet's is gone). */
async function storedEvidence(db: Db, correctionId: number, sheetIds: number[]): Promise<EvidenceFile[]> {
	const rows = await db
		.selectFrom('correction_evidence as b')
		.innerJoin('evidence', (join) =>
			join.onRef('evidence.id', '=', 'b.id').onRef('evidence.file_id', '=', 'b.file_id')
		)
		.innerJoin('stored_file', 'stored_file.id', 'evidence.file_id')
		.innerJoin('indicator', 'indicator.id', 'b.indicator_id')
		.select([
			'b.id',
			'indicator.code',
			'b.original_name',
			'stored_file.sha256',
			'stored_file.mime',
			'stored_file.size',
			'stored_file.has_thumbnail'
		])
		.where('b.correction_id', '=', correctionId)
		.where('b.sheet_id', 'in', sheetIds)
		.execute();
	return rows.sort((a, b) => a.id - b.id).map(toEvidenceFile);
}
