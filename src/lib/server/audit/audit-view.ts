import { m } from '$lib/paraglide/messages';
import { describeAuditDetail } from '../../domain/audit/audit-detail';
import type { AuditRecord } from './audit-query.repository';

// The audit log in words (README "Audit log"): every action code the services write has a
// phrase in both languages; an unknown code falls back to the code with spaces, never to nothing.
type Label = () => string;

const ACTIONS: Record<string, Label> = {
	sign_in: m.audit_action_sign_in,
	change_password: m.audit_action_change_password,
	reset_password: m.audit_action_reset_password,
	create_password_link: m.audit_action_create_password_link,
	set_password_by_link: m.audit_action_set_password_by_link,
	create: m.audit_action_create,
	update: m.audit_action_update,
	reactivate: m.audit_action_reactivate,
	deactivate: m.audit_action_deactivate,
	import: m.audit_action_import,
	add_conflict: m.audit_action_add_conflict,
	remove_conflict: m.audit_action_remove_conflict,
	add_unavailable: m.audit_action_add_unavailable,
	remove_unavailable: m.audit_action_remove_unavailable,
	update_settings: m.audit_action_update_settings,
	update_logo: m.audit_action_update_logo,
	status: m.audit_action_status,
	assign: m.audit_action_assign,
	unassign: m.audit_action_unassign,
	assign_enumerator: m.audit_action_assign_enumerator,
	unassign_enumerator: m.audit_action_unassign_enumerator,
	reschedule: m.audit_action_reschedule,
	schedule: m.audit_action_schedule,
	reopen: m.audit_action_reopen,
	submit: m.audit_action_submit,
	score_change: m.audit_action_score_change,
	evidence_add: m.audit_action_evidence_add,
	evidence_remove: m.audit_action_evidence_remove,
	clone: m.audit_action_clone,
	set_survey_window: m.audit_action_set_survey_window,
	rotate_survey_token: m.audit_action_rotate_survey_token,
	set_yearly_service_users: m.audit_action_set_yearly_service_users,
	moderate_suggestion: m.audit_action_moderate_suggestion,
	enter_paper_survey: m.audit_action_enter_paper_survey,
	score_sheet_replace: m.audit_action_score_sheet_replace,
	scores_import: m.audit_action_scores_import,
	disagreement_resolve: m.audit_action_disagreement_resolve,
	period_publish: m.audit_action_period_publish,
	period_publish_revision: m.audit_action_period_publish_revision,
	coaching_item_edit: m.audit_action_coaching_item_edit,
	coaching_item_progress: m.audit_action_coaching_item_progress,
	coaching_item_verify: m.audit_action_coaching_item_verify,
	coaching_item_reject: m.audit_action_coaching_item_reject,
	coaching_plan_mentor: m.audit_action_coaching_plan_mentor,
	coaching_plan_active: m.audit_action_coaching_plan_active,
	coaching_plan_completed: m.audit_action_coaching_plan_completed,
	coaching_plan_cancelled: m.audit_action_coaching_plan_cancelled,
	coaching_plan_draft: m.audit_action_coaching_plan_draft,
	visit_follow_up: m.audit_action_visit_follow_up,
	send_reminders: m.audit_action_send_reminders,
	calibration_anchor: m.audit_action_calibration_anchor,
	calibration_mark: m.audit_action_calibration_mark,
	calibration_unmark: m.audit_action_calibration_unmark,
	calibration_scores_import: m.audit_action_calibration_scores_import,
	correction_abandon: m.audit_action_correction_abandon,
	correction_open: m.audit_action_correction_open,
	objection_answer: m.audit_action_objection_answer,
	objection_file: m.audit_action_objection_file,
	objection_window: m.audit_action_objection_window,
	period_require_calibrated: m.audit_action_period_require_calibrated,
	remove_sheet: m.audit_action_remove_sheet
};
const ENTITIES: Record<string, Label> = {
	user: m.audit_entity_user,
	unit: m.audit_entity_unit,
	period: m.audit_entity_period,
	category: m.audit_entity_category,
	instrument: m.audit_entity_instrument,
	score_sheet: m.audit_entity_score_sheet,
	visit: m.audit_entity_visit,
	coaching_item: m.audit_entity_coaching_item,
	coaching_plan: m.audit_entity_coaching_plan,
	city_setting: m.audit_entity_city_setting,
	survey_response: m.audit_entity_survey_response,
	complaint: m.audit_entity_complaint,
	objection: m.audit_entity_objection
};
// Every field a service writes into an audit entry's detail (the test in
// tests/integration/audit/audit-labels.test.ts reads them from the services), and the fields of
// the {old, new} and {before} changes it describes.
const FIELDS: Record<string, Label> = {
	action: m.audit_field_action,
	answer: m.audit_field_answer,
	assessor: m.audit_field_assessor,
	assessorId: m.audit_field_assessorId,
	assessors: m.audit_field_assessors,
	changed: m.audit_field_changed,
	claimed: m.audit_field_claimed,
	coachingPlansDrafted: m.audit_field_coachingPlansDrafted,
	code: m.audit_field_code,
	confirmed: m.audit_field_confirmed,
	conflict: m.audit_field_conflict,
	correction: m.audit_field_correction,
	count: m.audit_field_count,
	created: m.audit_field_created,
	date: m.audit_field_date,
	decision: m.audit_field_decision,
	dueOn: m.audit_field_dueOn,
	email: m.audit_field_email,
	enumerator: m.audit_field_enumerator,
	evidenceId: m.audit_field_evidenceId,
	extraVisitNo: m.audit_field_extraVisitNo,
	fields: m.audit_field_fields,
	files: m.audit_field_files,
	from: m.audit_field_from,
	indicator: m.audit_field_indicator,
	instrument: m.audit_field_instrument,
	mentorId: m.audit_field_mentorId,
	name: m.audit_field_name,
	newAssessors: m.audit_field_newAssessors,
	newCategories: m.audit_field_newCategories,
	note: m.audit_field_note,
	openFlags: m.audit_field_openFlags,
	openFlagsConfirmed: m.audit_field_openFlagsConfirmed,
	opened: m.audit_field_opened,
	origin: m.audit_field_origin,
	period: m.audit_field_period,
	periods: m.audit_field_periods,
	plannedOn: m.audit_field_plannedOn,
	reason: m.audit_field_reason,
	replaced: m.audit_field_replaced,
	require_calibrated: m.audit_field_require_calibrated,
	responsible: m.audit_field_responsible,
	revision: m.audit_field_revision,
	role: m.audit_field_role,
	score: m.audit_field_score,
	scores: m.audit_field_scores,
	sha256: m.audit_field_sha256,
	sheetId: m.audit_field_sheetId,
	sheets: m.audit_field_sheets,
	source: m.audit_field_source,
	status: m.audit_field_status,
	to: m.audit_field_to,
	unchanged: m.audit_field_unchanged,
	unit: m.audit_field_unit,
	units: m.audit_field_units,
	unplaced: m.audit_field_unplaced,
	until: m.audit_field_until,
	updated: m.audit_field_updated,
	users: m.audit_field_users,
	version: m.audit_field_version,
	visit: m.audit_field_visit,
	visitId: m.audit_field_visitId,
	visitNo: m.audit_field_visitNo,
	visits: m.audit_field_visits
};

const humanize = (code: string) => code.replace(/[._]/g, ' ');

export function auditActionLabel(action: string): string {
	return ACTIONS[action.replace(/\./g, '_')]?.() ?? humanize(action);
}

export function auditEntityLabel(entity: string): string {
	return ENTITIES[entity]?.() ?? humanize(entity);
}

/** A detail field's name in the reader's language; null for a field no service writes any more. */
export const auditFieldLabel = (field: string): string | null => FIELDS[field]?.() ?? null;

export interface AuditRow {
	id: number;
	at: Date;
	user: string;
	action: string;
	entity: string;
	lines: { field: string | null; value?: string; from?: string; to?: string }[];
	raw: string | null;
}

export function toAuditRow(e: AuditRecord): AuditRow {
	return {
		id: e.id,
		at: e.at,
		user: e.userName ?? m.audit_system(),
		action: auditActionLabel(e.action),
		entity: `${auditEntityLabel(e.entity)}${e.entityId ? ` ${e.entityId}` : ''}`,
		lines: describeAuditDetail(e.detail, e.entityId).map((l) => ({
			...l,
			field: l.field === null ? null : (auditFieldLabel(l.field) ?? l.field)
		})),
		raw: e.detail === '{}' ? null : e.detail
	};
}
