import type { Generated } from 'kysely';

// Complaint records for triangulation (migration 20261129_1830).
export interface ComplaintTable {
	id: Generated<number>;
	ticket: string;
	unit_id: number;
	received: string;
	closed: string | null;
	channel: string | null;
	imported_at: number;
}

// Assessors marked calibrated in a period (migration 20261129_1900).
export interface CalibratedAssessorTable {
	period_id: number;
	user_id: number;
	marked_by: number | null;
	marked_at: number;
}

// Objections of unit heads and their answers (migration 20261129_1910).
export interface ObjectionTable {
	id: Generated<number>;
	period_id: number;
	unit_id: number;
	indicator_id: number;
	claimed_level: number;
	reason: string;
	filed_by: number;
	filed_at: number;
	status: Generated<'open' | 'accepted' | 'rejected'>;
	outcome: 'extra_visit' | 'reopen' | null;
	answer: string | null;
	answered_by: number | null;
	answered_at: number | null;
}
export interface ObjectionEvidenceTable {
	id: Generated<number>;
	objection_id: number;
	file_id: number;
	original_name: string;
}
