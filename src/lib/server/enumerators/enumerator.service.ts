import type { OpenDatabase } from '../db/connection';
import type { SessionUser } from '../../domain/auth/user';
import { parseEnumeratorEntry, periodForMoment } from '../../domain/survey';
import { listSurveyWindowsOfUnitAsync } from '../survey/intake/survey-intake-kysely.repository';
import { findSurveyUnitByCode } from '../survey/survey-unit.repository';
import { insertSurveyResponses } from '../survey/survey-response.repository';
import { findEnumeratorResponse, isEnumeratorOf } from './enumerator.repository';
import { ok, refuse, refuseProblems, refusalText, type ServiceResult } from '../service-result';
import { readConfig } from '../config';
import { submissionProblemText } from '../survey/submission-problem-text';
import type { EntryWording } from '../../domain/survey/enumerator-entry';

// A face-to-face questionnaire from an enumerator's tablet (README "Survey enumerators"). The
// device's id makes a resend harmless: the first arrival is stored, later ones are answered from it.

/** The stored questionnaire: `stored` is false when the device's id arrived before. */
export type EnumeratorReceipt = { stored: boolean; responseId: number; periodCode: string };

/** The entry's problems in the request's language (README "Where translation happens"). */
const entryWording: EntryWording = {
	reason: (code) => refusalText(code),
	field: submissionProblemText
};

export async function recordEnumeratorResponse(
	opened: OpenDatabase,
	user: SessionUser,
	body: unknown,
	now: Date
): Promise<ServiceResult<EnumeratorReceipt>> {
	if (user.role !== 'enumerator') return refuse(403, 'srv_enum_only_enumerators');
	const parsed = parseEnumeratorEntry(body, now.getTime(), entryWording);
	if (!parsed.ok) return refuseProblems(400, parsed.problems);
	const entry = parsed.value;
	const unit = await findSurveyUnitByCode(opened.db, entry.unitCode);
	if (!unit)
		return refuseProblems(404, [
			`unitCode: ${refusalText('srv_enum_unit_missing', { unit: entry.unitCode })}`
		]);
	// Not the survey's hot path: one Kysely read serves both engines.
	const windows = await listSurveyWindowsOfUnitAsync(opened.db, unit.id);
	const period = periodForMoment(windows, entry.givenAt, readConfig().timeZone);
	if (!period) return refuse(410, 'srv_enum_no_open_period');
	const again = await findEnumeratorResponse(opened.db, user.id, entry.deviceId);
	if (again) return ok({ stored: false, responseId: again.id, periodCode: period.code });
	if (!(await isEnumeratorOf(opened.db, { periodId: period.id, unitId: unit.id, userId: user.id })))
		return refuse(403, 'srv_enum_not_assigned', { unit: unit.code, period: period.code });
	const { answers, profile, suggestion } = entry.submission;
	try {
		await insertSurveyResponses(opened.db, [
			{
				periodId: period.id,
				unitId: unit.id,
				submittedAt: entry.givenAt,
				answers,
				profile,
				suggestion,
				source: 'enumerator',
				enteredBy: user.id,
				deviceId: entry.deviceId
			}
		]);
	} catch (e) {
		// two copies of one resend arriving together: the unique index lets exactly one in
		const raced = await findEnumeratorResponse(opened.db, user.id, entry.deviceId);
		if (raced) return ok({ stored: false, responseId: raced.id, periodCode: period.code });
		throw e;
	}
	const stored = await findEnumeratorResponse(opened.db, user.id, entry.deviceId);
	return ok({ stored: true, responseId: stored!.id, periodCode: period.code });
}
