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
