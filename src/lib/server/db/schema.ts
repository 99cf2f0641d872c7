import type { Insertable, Selectable, Updateable } from 'kysely';
import type * as People from './schema-people';
import type * as Assessment from './schema-assessment';
import type * as FollowUp from './schema-follow-up';
import type * as Fairness from './schema-fairness';
import type * as Sync from './schema-sync';
import type * as Corrections from './schema-corrections';

// Table types mirror db/migrations, one file per area; this file names the whole database.
export type * from './schema-people';
export type * from './schema-assessment';
export type * from './schema-follow-up';
export type * from './schema-fairness';
export type * from './schema-sync';
export type * from './schema-corrections';

export interface Database {
	user: People.UserTable;
	session: People.SessionTable;
	login_throttle: People.LoginThrottleTable;
	password_link: People.PasswordLinkTable;
	category: People.CategoryTable;
	unit: People.UnitTable;
	unit_head: People.UnitHeadTable;
	assessor_conflict: People.AssessorConflictTable;
	assessor_unavailable_date: People.AssessorUnavailableDateTable;
	instrument: Assessment.InstrumentTable;
	aspect: Assessment.AspectTable;
	indicator: Assessment.IndicatorTable;
	indicator_level: Assessment.IndicatorLevelTable;
	period: Assessment.PeriodTable;
	period_unit: Assessment.PeriodUnitTable;
	coaching_plan: Assessment.CoachingPlanTable;
	visit: Assessment.VisitTable;
	visit_assessor: Assessment.VisitAssessorTable;
	score_sheet: Assessment.ScoreSheetTable;
	score: Assessment.ScoreTable;
	sheet_aspect_sum: Assessment.SheetAspectSumTable;
	unit_visit_total: Assessment.UnitVisitTotalTable;
	stored_file: Assessment.StoredFileTable;
	evidence: Assessment.EvidenceTable;
	disagreement_resolution: Assessment.DisagreementResolutionTable;
	publication: Assessment.PublicationTable;
	period_result_cache: Assessment.PeriodResultCacheTable;
	coaching_item: FollowUp.CoachingItemTable;
	coaching_progress: FollowUp.CoachingProgressTable;
	survey_response: FollowUp.SurveyResponseTable;
	survey_enumerator: FollowUp.SurveyEnumeratorTable;
	survey_token_use: FollowUp.SurveyTokenUseTable;
	rate_limit: FollowUp.RateLimitTable;
	audit_log: FollowUp.AuditLogTable;
	city_setting: FollowUp.CitySettingTable;
	complaint: Fairness.ComplaintTable;
	calibrated_assessor: Fairness.CalibratedAssessorTable;
	objection: Fairness.ObjectionTable;
	objection_evidence: Fairness.ObjectionEvidenceTable;
	sync_receipt: Sync.SyncReceiptTable;
	period_correction: Corrections.PeriodCorrectionTable;
	correction_visit: Corrections.CorrectionVisitTable;
	correction_visit_assessor: Corrections.CorrectionVisitAssessorTable;
	correction_sheet: Corrections.CorrectionSheetTable;
	correction_score: Corrections.CorrectionScoreTable;
	correction_sheet_aspect_sum: Corrections.CorrectionSheetAspectSumTable;
	correction_evidence: Corrections.CorrectionEvidenceTable;
}

export type UserRow = Selectable<People.UserTable>;
export type NewUser = Insertable<People.UserTable>;
export type UserUpdate = Updateable<People.UserTable>;
