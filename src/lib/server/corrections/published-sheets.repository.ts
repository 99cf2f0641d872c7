import type { Db } from '../db/connection';
import type { SheetScores } from '../../domain/scoring/types';
import type { EvidenceFile, ScoreNote } from '../sheets/unit-sheet.repository';
import { findCorrectionBackup, findOpenCorrection } from './correction.repository';
import type { SheetBackup } from './correction-backup.repository';

// docs/rules.md §8.3: while a correction is open, readers keep the last published revision. The
// live sheets may be reopened, replaced or added meanwhile; what was published is the backup
// taken when the correction opened, read here in the shapes of unit-sheet.repository.

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
	const backup = JSON.parse(await findCorrectionBackup(db, open.id)) as SheetBackup;
	const visitNo = new Map(backup.visits.filter((v) => v.unit_id === unitId).map((v) => [v.id!, v.visit_no]));
	const sheets = backup.sheets
		.filter((s) => visitNo.has(s.visit_id) && s.status === 'submitted')
		.sort((a, b) => a.id! - b.id!);
	const sheetIds = new Set(sheets.map((s) => s.id!));
	const scores = backup.scores.filter((s) => sheetIds.has(s.sheet_id));
	const evidence = backup.evidence.filter((e) => sheetIds.has(e.sheet_id));
	const codes = await indicatorCodes(
		db,
		[...scores, ...evidence].map((s) => s.indicator_id)
	);
	const names = await userNames(
		db,
		sheets.map((s) => s.assessor_id)
	);
	return {
		sheets: sheets.map((s) => ({
			visitNo: visitNo.get(s.visit_id)!,
			assessorId: s.assessor_id,
			scores: Object.fromEntries(
				scores
					.filter((x) => x.sheet_id === s.id && x.score !== null && x.score !== undefined)
					.map((x) => [codes.get(x.indicator_id)!, x.score as number])
			)
		})),
		notes: scores
			.filter((x) => x.note)
			.map((x) => {
				const sheet = sheets.find((s) => s.id === x.sheet_id)!;
				return {
					indicatorCode: codes.get(x.indicator_id)!,
					visitNo: visitNo.get(sheet.visit_id)!,
					assessorName: names.get(sheet.assessor_id) ?? '',
					note: x.note as string
				};
			})
			.sort((a, b) => a.visitNo - b.visitNo),
		evidence: await storedEvidence(db, evidence, codes)
	};
}

async function indicatorCodes(db: Db, ids: number[]): Promise<Map<number, string>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.selectFrom('indicator')
		.select(['id', 'code'])
		.where('id', 'in', [...new Set(ids)])
		.execute();
	return new Map(rows.map((r) => [r.id, r.code]));
}

async function userNames(db: Db, ids: number[]): Promise<Map<number, string>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.selectFrom('user')
		.select(['id', 'name'])
		.where('id', 'in', [...new Set(ids)])
		.execute();
	return new Map(rows.map((r) => [r.id, r.name]));
}

/** The published evidence still stored under its id (a replaced sheet's evidence is gone). */
async function storedEvidence(
	db: Db,
	rows: SheetBackup['evidence'],
	codes: Map<number, string>
): Promise<EvidenceFile[]> {
	if (rows.length === 0) return [];
	const found = await db
		.selectFrom('evidence')
		.innerJoin('stored_file', 'stored_file.id', 'evidence.file_id')
		.select([
			'evidence.id',
			'evidence.file_id',
			'stored_file.sha256',
			'stored_file.mime',
			'stored_file.size',
			'stored_file.has_thumbnail'
		])
		.where(
			'evidence.id',
			'in',
			rows.map((r) => r.id!)
		)
		.orderBy('evidence.id')
		.execute();
	const byId = new Map(rows.map((r) => [r.id!, r]));
	return found
		.filter((f) => byId.get(f.id)!.file_id === f.file_id)
		.map((f) => ({
			id: f.id,
			indicatorCode: codes.get(byId.get(f.id)!.indicator_id)!,
			name: byId.get(f.id)!.original_name,
			sha256: f.sha256,
			mime: f.mime,
			size: f.size,
			hasThumbnail: f.has_thumbnail === 1
		}));
}
