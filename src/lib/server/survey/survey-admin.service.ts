import { randomBytes } from 'node:crypto';
import type { Db } from '../db/connection';
import { isIsoDate } from '../../domain/survey';
import { auditTrail } from '../audit/audit.repository';
import { type Period } from '../periods/period.repository';
import { setSurveyWindow } from './survey-period.repository';
import {
	setUnitSurveyToken,
	setUnitYearlyServiceUsers,
	type SurveyUnitAdmin
} from './survey-unit.repository';
import { setSuggestionStatus, type SuggestionStatus } from './survey-response.repository';
import { surveyWindowConflict } from './survey-window.service';
import { ok, refuse, refuseField, refuseFields, type ServiceResult } from '../service-result';

// Administrator actions on the survey; each is audited.

export async function changeSurveyWindow(
	db: Db,
	userId: number,
	period: Period,
	window: { from: string; to: string },
	now: Date
): Promise<ServiceResult> {
	if (!isIsoDate(window.from)) return refuseField(400, 'survey_from', 'srv_survey_from_invalid');
	if (!isIsoDate(window.to)) return refuseField(400, 'survey_to', 'srv_survey_to_invalid');
	if (window.from > window.to) return refuseField(400, 'survey_to', 'srv_survey_to_before_from');
	const overlap = await surveyWindowConflict(db, window, period.id);
	if (overlap) return refuseFields(409, { survey_from: overlap });
	await db.transaction().execute(async (trx) => {
		await setSurveyWindow(trx, period.id, window, now);
		await auditTrail(trx, userId, now).record('set_survey_window', 'period', period.id, {
			from: window.from,
			to: window.to,
			before: { from: period.surveyFrom, to: period.surveyTo }
		});
	});
	return ok(undefined);
}

/** A fresh unguessable survey address; the old link (and its printed posters) stop working at once. */
export function newSurveyToken(): string {
	return randomBytes(15).toString('base64url');
}

export async function rotateSurveyToken(
	db: Db,
	userId: number,
	unit: SurveyUnitAdmin,
	now: Date
): Promise<ServiceResult> {
	await db.transaction().execute(async (trx) => {
		await setUnitSurveyToken(trx, unit.id, newSurveyToken(), now);
		await auditTrail(trx, userId, now).record('rotate_survey_token', 'unit', unit.id);
	});
	return ok(undefined);
}

export async function changeYearlyServiceUsers(
	db: Db,
	userId: number,
	unit: SurveyUnitAdmin,
	users: number | null,
	now: Date
): Promise<ServiceResult> {
	await db.transaction().execute(async (trx) => {
		await setUnitYearlyServiceUsers(trx, unit.id, users, now);
		await auditTrail(trx, userId, now).record('set_yearly_service_users', 'unit', unit.id, {
			users,
			before: unit.yearlyServiceUsers
		});
	});
	return ok(undefined);
}

export async function moderateSuggestion(
	db: Db,
	userId: number,
	periodId: number,
	responseId: number,
	status: SuggestionStatus,
	now: Date
): Promise<ServiceResult> {
	return db.transaction().execute(async (trx) => {
		if (!(await setSuggestionStatus(trx, periodId, responseId, status)))
			return refuse(404, 'srv_suggestion_not_found');
		await auditTrail(trx, userId, now).record('moderate_suggestion', 'survey_response', responseId, {
			status
		});
		return ok(undefined);
	});
}
