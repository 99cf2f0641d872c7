import type { Db } from '../db/connection';
import { ok, refuse, type ServiceResult } from '../service-result';
import { cleanFileName, EVIDENCE_MAX_BYTES } from '../../domain/score-sheet';
import { OBJECTION_FILES_MAX } from '../../domain/objections';
import { insertStoredFile } from '../sheets/evidence.repository';
import { sha256Of, storeEvidenceFile } from '../files/evidence-store';
import { checkUpload } from '../files/upload-check';

// An objection's evidence is checked by content exactly like a score sheet's (README "Score
// sheets"): JPEG, PNG, WebP or PDF, at most 10 MB each, stored by SHA-256 under UPLOAD_DIR.

export interface UploadedFile {
	name: string;
	bytes: Uint8Array;
}

export async function storeObjectionFiles(
	db: Db,
	uploadDir: string,
	files: UploadedFile[],
	now: Date
): Promise<ServiceResult<{ fileId: number; name: string }[]>> {
	const real = files.filter((f) => f.bytes.length > 0);
	if (real.length > OBJECTION_FILES_MAX)
		return refuse(400, 'srv_objection_files_too_many', { max: OBJECTION_FILES_MAX });
	const checked = [];
	for (const f of real) {
		if (f.bytes.length > EVIDENCE_MAX_BYTES) return refuse(400, 'srv_file_too_large', { name: f.name });
		const c = await checkUpload(f.bytes);
		if (!c.ok)
			return refuse(400, c.problem === 'type' ? 'srv_file_wrong_type' : 'srv_image_unreadable', {
				name: f.name
			});
		checked.push({ ...f, mime: c.mime, thumbnail: c.image?.thumbnail ?? null });
	}
	const stored = [];
	for (const f of checked) {
		const sha256 = sha256Of(f.bytes);
		await storeEvidenceFile(uploadDir, sha256, f.bytes, f.thumbnail);
		const fileId = await insertStoredFile(
			db,
			{ sha256, mime: f.mime, size: f.bytes.length, hasThumbnail: f.thumbnail !== null },
			now
		);
		stored.push({ fileId, name: cleanFileName(f.name, f.mime) });
	}
	return ok(stored);
}
