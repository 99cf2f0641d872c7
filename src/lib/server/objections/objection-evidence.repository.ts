import type { Db } from '../db/connection';
import { isPublished } from '../../domain/period-status';

// A file sent with an objection, with what decides who may open it (its unit, publication).

export interface ObjectionEvidenceAccess {
	unitId: number;
	published: boolean;
	name: string;
	sha256: string;
	mime: string;
}

export async function findObjectionEvidenceAccess(
	db: Db,
	evidenceId: number
): Promise<ObjectionEvidenceAccess | null> {
	const r = await db
		.selectFrom('objection_evidence')
		.innerJoin('objection', 'objection.id', 'objection_evidence.objection_id')
		.innerJoin('period', 'period.id', 'objection.period_id')
		.innerJoin('stored_file', 'stored_file.id', 'objection_evidence.file_id')
		.select(['objection_evidence.original_name', 'objection.unit_id', 'period.status'])
		.select(['stored_file.sha256', 'stored_file.mime'])
		.where('objection_evidence.id', '=', evidenceId)
		.executeTakeFirst();
	return r
		? {
				unitId: r.unit_id,
				published: isPublished(r.status),
				name: r.original_name,
				sha256: r.sha256,
				mime: r.mime
			}
		: null;
}
