import type { Generated } from 'kysely';
import type { PeriodStatus } from '../../domain/period-status';

// Instruments, periods, visits, score sheets and publication (migrations 0003-0005).
// Dates are ISO 'YYYY-MM-DD'; times epoch ms.

export type { PeriodStatus };

export interface InstrumentTable {
	id: Generated<number>;
	code: string;
	name: string;
	regulation: Generated<string>;
	based_on_id: number | null;
	notes: Generated<string>;
	sources: Generated<string>;
	public_items: string | null;
	created_at: number;
}
export interface AspectTable {
	id: Generated<number>;
	instrument_id: number;
	code: string;
	name: string;
	weight: number;
	position: number;
}
export interface IndicatorTable {
	id: Generated<number>;
	instrument_id: number;
	aspect_id: number;
	code: string;
	title: string;
	weight: number;
	position: number;
	note: string | null;
	evidence: Generated<string>;
}
export interface IndicatorLevelTable {
	indicator_id: number;
	level: number;
	descriptor: string;
}
export interface PeriodTable {
	id: Generated<number>;
	code: string;
	name: string;
	instrument_id: number;
	status: Generated<PeriodStatus>;
	required_visits: Generated<number>;
	required_assessors: Generated<number>;
	awards_per_category: Generated<number>;
	min_ranked_for_awards: Generated<number>;
	require_calibrated: Generated<number>;
	/** last day of the objection window (docs/rules.md §9.2), null when none was opened */
	objection_until: string | null;
	award_min_grade: string | null;
	disagreement_threshold: Generated<number>;
	coaching_rule: Generated<string>;
	coaching_items: Generated<number>;
	starts_on: string;
	ends_on: string;
	survey_from: string;
	survey_to: string;
	created_at: number;
	updated_at: number;
}
export interface PeriodUnitTable {
	period_id: number;
	unit_id: number;
	category_id: number;
}
export interface CoachingPlanTable {
	id: Generated<number>;
	period_id: number;
	unit_id: number;
	status: Generated<'draft' | 'active' | 'completed' | 'cancelled'>;
	mentor_id: number | null;
	reason: Generated<string>;
	created_at: number;
	updated_at: number;
}
export interface VisitTable {
	id: Generated<number>;
	period_id: number;
	unit_id: number;
	visit_no: number;
	/** calibration: a calibration round's visit, outside every result (migration 20261129_1900) */
	kind: Generated<'regular' | 'follow_up' | 'calibration'>;
	coaching_plan_id: number | null;
	planned_on: string | null;
	created_at: number;
}
export interface VisitAssessorTable {
	visit_id: number;
	user_id: number;
}
export interface ScoreSheetTable {
	id: Generated<number>;
	visit_id: number;
	assessor_id: number;
	status: Generated<'draft' | 'submitted'>;
	version: Generated<number>;
	source: Generated<'form' | 'import'>;
	submitted_at: number | null;
	created_at: number;
	updated_at: number;
}
export interface ScoreTable {
	sheet_id: number;
	indicator_id: number;
	score: number | null;
	note: string | null;
}
export interface SheetAspectSumTable {
	sheet_id: number;
	aspect_id: number;
	weighted_sum: number;
}
/**
 * Per unit of a period: its regular visits' submitted sheets totalled, visit by visit
 * (src/lib/domain/scoring/visit-totals.ts; stored form in sheets/visit-total.repository.ts).
 */
export interface UnitVisitTotalTable {
	period_id: number;
	unit_id: number;
	/** JSON: [[visit_no, sheet_count, "assessor ids", {aspect id: Σ over the sheets of Σ w_i·s_i, or null}], ...] */
	visits: string;
}
export interface UnitReviewFigureTable {
	period_id: number;
	unit_id: number;
	/** JSON: [widest spread or null, [[assessor id, Σ (own mean − others' mean), pairs], ...]] */
	figure: string;
}
export interface StoredFileTable {
	id: Generated<number>;
	sha256: string;
	mime: string;
	size: number;
	has_thumbnail: Generated<number>;
	created_at: number;
}
export interface EvidenceTable {
	id: Generated<number>;
	sheet_id: number;
	indicator_id: number;
	file_id: number;
	original_name: string;
	uploaded_by: number;
	created_at: number;
}
export interface DisagreementResolutionTable {
	id: Generated<number>;
	period_id: number;
	unit_id: number;
	indicator_id: number;
	action: 'note' | 'extra_visit';
	note: string;
	resolved_by: number;
	resolved_at: number;
}
export interface PublicationTable {
	id: Generated<number>;
	period_id: number;
	revision: number;
	published_at: number;
	published_by: number | null;
	reason: string | null;
	open_flags_confirmed: Generated<number>;
	/** JSON array of confirmed preflight findings (docs/rules.md §8.1). */
	confirmations: Generated<string>;
	/** JSON list of what this revision changed against the one before (docs/rules.md §8.3). */
	changes: Generated<string>;
	snapshot: string;
}
export interface PeriodResultCacheTable {
	period_id: number;
	computed_at: number;
	json: string;
	/** Set while a computation holds the row (no results yet); null once they are stored. */
	claim: string | null;
}
