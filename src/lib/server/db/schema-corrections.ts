import type { Generated } from 'kysely';

// Corrections after publication (db/migrations/20261129_2110_create_period_correction.ts).
export type CorrectionStatus = 'open' | 'published' | 'abandoned';
export interface PeriodCorrectionTable {
	id: Generated<number>;
	period_id: number;
	base_revision: number;
	reason: string;
	opened_by: number | null;
	opened_at: number;
	status: Generated<CorrectionStatus>;
	closed_by: number | null;
	closed_at: number | null;
	close_reason: string | null;
	/** JSON of the period's regular visits, teams and sheets when the correction opened. */
	backup: string;
}
