import type { Db } from '../db/connection';
import type { SessionUser } from '../../domain/auth/user';
import { canOpenObjectionEvidence } from '../../domain/objections';
import { isHeadOfUnit } from '../report-cards/report-card.repository';
import { evidencePath } from '../files/evidence-store';
import { findObjectionEvidenceAccess } from './objection-evidence.repository';

/**
 * The stored file of an objection's evidence when the user may open it; null otherwise, so that
 * a refused file and a missing one answer the same 404 (README "Objection window").
 */
export async function openObjectionEvidence(
	db: Db,
	uploadDir: string,
	evidenceId: number,
	user: SessionUser
): Promise<{ path: string; mime: string; name: string } | null> {
	if (!Number.isSafeInteger(evidenceId) || evidenceId < 1) return null;
	const found = await findObjectionEvidenceAccess(db, evidenceId);
	if (!found) return null;
	const head = user.role === 'unit_head' && (await isHeadOfUnit(db, user.id, found.unitId));
	if (!canOpenObjectionEvidence(user, found.published, head)) return null;
	return { path: evidencePath(uploadDir, found.sha256), mime: found.mime, name: found.name };
}
