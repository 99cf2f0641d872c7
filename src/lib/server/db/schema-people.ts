import type { Generated } from 'kysely';

// Accounts, units and who may assess what (migrations 0001-0002). Times are epoch ms.
export type Role = 'admin' | 'assessor' | 'unit_head' | 'viewer' | 'enumerator';
export type AffiliationType = 'university' | 'student_board' | 'other';

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
export interface PasswordLinkTable {
	id: string;
	user_id: number;
	secret_hash: Uint8Array;
	created_at: number;
	expires_at: number;
	used_at: number | null;
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
