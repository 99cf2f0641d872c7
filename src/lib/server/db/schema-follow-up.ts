import type { Generated } from 'kysely';

// Coaching, the citizen survey, audit and city settings (migrations 0006-0008).
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
	source: Generated<'online' | 'paper' | 'enumerator'>;
	entered_by: number | null;
	device_id: string | null;
}
/** An enumerator's units within a period (db/migrations/20261129_2140_add_survey_enumerator.ts). */
export interface SurveyEnumeratorTable {
	period_id: number;
	unit_id: number;
	user_id: number;
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
