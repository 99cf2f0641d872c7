import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

// Table types mirror db/migrations. Times are epoch milliseconds; dates are ISO 'YYYY-MM-DD'.
export type Role = 'admin' | 'assessor' | 'unit_head' | 'viewer';
export type AffiliationType = 'university' | 'student_board' | 'other';
export type PeriodStatus = 'draft' | 'running' | 'review' | 'published' | 'archived';

export interface UserTable {
	id: Generated<number>;
	email: string;
	name: string;
	role: Role;
	password_hash: string | null;
	affiliation_type: AffiliationType | null;
	affiliation_name: string | null;
	phone: string | null;
	active: Generated<number>;
	created_at: number;
	updated_at: number;
}
export interface SessionTable {
	id: string;
	user_id: number;
	secret_hash: Uint8Array;
	created_at: number;
	expires_at: number;
}
export interface LoginThrottleTable {
	key: string;
	failures: number;
	window_started_at: number;
	locked_until: number | null;
}
export interface CategoryTable {
	id: Generated<number>;
	name: string;
	position: Generated<number>;
	active: Generated<number>;
}
export interface UnitTable {
	id: Generated<number>;
	code: string;
	name: string;
	category_id: number;
	parent_code: string | null;
	address: string | null;
	active: Generated<number>;
	survey_token: string;
	yearly_service_users: number | null;
	created_at: number;
	updated_at: number;
}
export interface UnitHeadTable {
	user_id: number;
	unit_id: number;
}
export interface AssessorConflictTable {
	user_id: number;
	unit_id: number;
	reason: string | null;
}
export interface AssessorUnavailableDateTable {
	user_id: number;
	date: string;
}
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
	kind: Generated<'regular' | 'follow_up'>;
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
	snapshot: string;
}
export interface PeriodResultCacheTable {
	period_id: number;
	computed_at: number;
	json: string;
}
export type CoachingItemStatus = 'open' | 'in_progress' | 'done' | 'verified';
export interface CoachingItemTable {
	id: Generated<number>;
	plan_id: number;
	indicator_id: number;
	position: number;
	current_score: number;
	target_level: number;
	gain_next: number;
	action: string;
	due_on: string | null;
	responsible: string | null;
	status: Generated<CoachingItemStatus>;
	verified_by: number | null;
	verified_at: number | null;
	created_at: number;
	updated_at: number;
}
export interface CoachingProgressTable {
	id: Generated<number>;
	item_id: number;
	user_id: number;
	note: string;
	status: CoachingItemStatus;
	file_id: number | null;
	created_at: number;
}
export interface SurveyResponseTable {
	id: Generated<number>;
	period_id: number;
	unit_id: number;
	submitted_at: number;
	u1: number;
	u2: number;
	u3: number;
	u4: number;
	u5: number;
	u6: number;
	u7: number;
	u8: number;
	u9: number;
	sex: string | null;
	age_band: string | null;
	education: string | null;
	occupation: string | null;
	service: string | null;
	suggestion: string | null;
	suggestion_status: 'pending' | 'approved' | 'rejected' | null;
	source: Generated<'online' | 'paper'>;
	entered_by: number | null;
}
export interface SurveyTokenUseTable {
	nonce: string;
	used_at: number;
}
export interface RateLimitTable {
	key: string;
	window_start: number;
	count: number;
}
export interface AuditLogTable {
	id: Generated<number>;
	at: number;
	user_id: number | null;
	action: string;
	entity: string;
	entity_id: string | null;
	detail: Generated<string>;
}
export interface CitySettingTable {
	key: string;
	value: string;
}

export interface Database {
	user: UserTable;
	session: SessionTable;
	login_throttle: LoginThrottleTable;
	category: CategoryTable;
	unit: UnitTable;
	unit_head: UnitHeadTable;
	assessor_conflict: AssessorConflictTable;
	assessor_unavailable_date: AssessorUnavailableDateTable;
	instrument: InstrumentTable;
	aspect: AspectTable;
	indicator: IndicatorTable;
	indicator_level: IndicatorLevelTable;
	period: PeriodTable;
	period_unit: PeriodUnitTable;
	coaching_plan: CoachingPlanTable;
	visit: VisitTable;
	visit_assessor: VisitAssessorTable;
	score_sheet: ScoreSheetTable;
	score: ScoreTable;
	sheet_aspect_sum: SheetAspectSumTable;
	stored_file: StoredFileTable;
	evidence: EvidenceTable;
	disagreement_resolution: DisagreementResolutionTable;
	publication: PublicationTable;
	period_result_cache: PeriodResultCacheTable;
	coaching_item: CoachingItemTable;
	coaching_progress: CoachingProgressTable;
	survey_response: SurveyResponseTable;
	survey_token_use: SurveyTokenUseTable;
	rate_limit: RateLimitTable;
	audit_log: AuditLogTable;
	city_setting: CitySettingTable;
}

export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
