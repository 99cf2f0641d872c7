import type { Generated } from 'kysely';
import type {
	EvidenceTable,
	ScoreSheetTable,
	ScoreTable,
	SheetAspectSumTable,
	VisitAssessorTable,
	VisitTable
} from './schema-assessment';

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
}

// What the period published, kept while its correction is open: the period's regular visits,
// teams and sheets row for row, each tagged with its correction
// (db/migrations/20261202_0900_correction_backup_rows.ts).
type Kept<T> = { correction_id: number } & { [K in keyof T]: T[K] extends Generated<infer V> ? V : T[K] };
export type CorrectionVisitTable = Kept<VisitTable>;
export type CorrectionVisitAssessorTable = Kept<VisitAssessorTable>;
export type CorrectionSheetTable = Kept<ScoreSheetTable>;
export type CorrectionScoreTable = Kept<ScoreTable>;
export type CorrectionSheetAspectSumTable = Kept<SheetAspectSumTable>;
export type CorrectionEvidenceTable = Kept<EvidenceTable>;
