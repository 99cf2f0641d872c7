import type { Db } from '../db/connection';
import { isPublished } from '../../domain/period-status';

export interface StoredFileRecord {
	id: number;
	sha256: string;
	mime: string;
	size: number;
	hasThumbnail: boolean;
}

export async function findStoredFileBySha(db: Db, sha256: string): Promise<StoredFileRecord | null> {
	const r = await db.selectFrom('stored_file').selectAll().where('sha256', '=', sha256).executeTakeFirst();
	return r
		? { id: r.id, sha256: r.sha256, mime: r.mime, size: r.size, hasThumbnail: r.has_thumbnail === 1 }
		: null;
}

/**
 * The id of the stored file with these bytes, its row inserted when missing. Content-addressed:
 * the same bytes uploaded twice, also through two app processes at once, are one stored file
 * (the later insert waits for the earlier and does nothing).
 */
export async function insertStoredFile(
	db: Db,
	f: { sha256: string; mime: string; size: number; hasThumbnail?: boolean },
	now: Date
): Promise<number> {
	const found = await findStoredFileBySha(db, f.sha256);
	if (found) return found.id;
	await db
		.insertInto('stored_file')
		.values({
			sha256: f.sha256,
			mime: f.mime,
			size: f.size,
			has_thumbnail: f.hasThumbnail ? 1 : 0,
			created_at: now.getTime()
		})
		.onConflict((oc) => oc.column('sha256').doNothing())
		.execute();
	return (await findStoredFileBySha(db, f.sha256))!.id;
}

export async function insertEvidence(
	db: Db,
	e: { sheetId: number; indicatorId: number; fileId: number; originalName: string; uploadedBy: number },
	now: Date
): Promise<number> {
	const { id } = await db
		.insertInto('evidence')
		.values({
			sheet_id: e.sheetId,
			indicator_id: e.indicatorId,
			file_id: e.fileId,
			original_name: e.originalName,
			uploaded_by: e.uploadedBy,
			created_at: now.getTime()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export async function countEvidenceOf(db: Db, sheetId: number, indicatorId: number): Promise<number> {
	const r = await db
		.selectFrom('evidence')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('sheet_id', '=', sheetId)
		.where('indicator_id', '=', indicatorId)
		.executeTakeFirstOrThrow();
	return Number(r.n);
}

/** An evidence photo or document as its sheet, report card and correction list show it. */
export interface EvidenceFile {
	id: number;
	indicatorCode: string;
	name: string;
	sha256: string;
	mime: string;
	size: number;
	hasThumbnail: boolean;
}

/** The columns of an EvidenceFile: evidence joined to its stored file and its indicator. */
export const EVIDENCE_FILE_COLUMNS = [
	'evidence.id',
	'indicator.code',
	'evidence.original_name',
	'stored_file.sha256',
	'stored_file.mime',
	'stored_file.size',
	'stored_file.has_thumbnail'
] as const;

export function toEvidenceFile(r: {
	id: number;
	code: string;
	original_name: string;
	sha256: string;
	mime: string;
	size: number;
	has_thumbnail: number;
}): EvidenceFile {
	return {
		id: r.id,
		indicatorCode: r.code,
		name: r.original_name,
		sha256: r.sha256,
		mime: r.mime,
		size: r.size,
		hasThumbnail: r.has_thumbnail === 1
	};
}

export async function listEvidenceOfSheet(db: Db, sheetId: number): Promise<EvidenceFile[]> {
	const rows = await db
		.selectFrom('evidence')
		.innerJoin('stored_file', 'stored_file.id', 'evidence.file_id')
		.innerJoin('indicator', 'indicator.id', 'evidence.indicator_id')
		.select(EVIDENCE_FILE_COLUMNS)
		.where('evidence.sheet_id', '=', sheetId)
		.orderBy('evidence.id')
		.execute();
	return rows.map(toEvidenceFile);
}

export interface EvidenceAccess {
	id: number;
	sheetId: number;
	assessorId: number;
	visitId: number;
	unitId: number;
	published: boolean;
	name: string;
	file: StoredFileRecord;
}

/** An evidence item with the owner of its sheet, so that callers can apply the blind rule. */
export async function findEvidenceAccess(db: Db, evidenceId: number): Promise<EvidenceAccess | null> {
	const r = await db
		.selectFrom('evidence')
		.innerJoin('score_sheet', 'score_sheet.id', 'evidence.sheet_id')
		.innerJoin('stored_file', 'stored_file.id', 'evidence.file_id')
		.innerJoin('visit', 'visit.id', 'score_sheet.visit_id')
		.innerJoin('period', 'period.id', 'visit.period_id')
		.select([
			'evidence.id',
			'evidence.sheet_id',
			'evidence.original_name',
			'score_sheet.assessor_id',
			'score_sheet.visit_id',
			'visit.unit_id',
			'period.status as periodStatus',
			'stored_file.id as fileId',
			'stored_file.sha256',
			'stored_file.mime',
			'stored_file.size',
			'stored_file.has_thumbnail'
		])
		.where('evidence.id', '=', evidenceId)
		.executeTakeFirst();
	if (!r) return null;
	return {
		id: r.id,
		sheetId: r.sheet_id,
		assessorId: r.assessor_id,
		visitId: r.visit_id,
		unitId: r.unit_id,
		published: isPublished(r.periodStatus),
		name: r.original_name,
		file: { id: r.fileId, sha256: r.sha256, mime: r.mime, size: r.size, hasThumbnail: r.has_thumbnail === 1 }
	};
}

export async function deleteEvidence(db: Db, evidenceId: number): Promise<void> {
	await db.deleteFrom('evidence').where('id', '=', evidenceId).execute();
}
