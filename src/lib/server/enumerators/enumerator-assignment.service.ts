import type { Db } from '../db/connection';
import { normalizeEmail } from '../../domain/auth/user';
import { findPeriodByCode } from '../periods/period.repository';
import { findUserByEmail } from '../accounts/user.repository';
import { findSurveyUnitByCode } from '../survey/survey-unit.repository';
import { refuse, refusesField, ok, type ServiceResult } from '../service-result';
import { assignEnumeratorToUnits } from './enumerator-roster.service';
import { m } from '$lib/paraglide/messages';

// The office assigns an enumerator (role `enumerator`) to a unit within a period (README "Survey
// enumerators"); only assigned units accept that enumerator's questionnaires. This is the command
// line's way in, by e-mail; the checks and the audit are the web page's (enumerator-roster.service).
export async function assignEnumeratorToUnit(
	db: Db,
	input: { periodCode: string; unitCode: string; email: string },
	actorId: number | null,
	now: Date
): Promise<ServiceResult<string>> {
	const period = await findPeriodByCode(db, input.periodCode.trim());
	if (!period) return refuse(404, 'srv_enum_period_missing', { period: input.periodCode });
	const unit = input.unitCode.trim();
	// A code no unit has at all is told apart from a unit outside the period (the roster's check).
	if (!(await findSurveyUnitByCode(db, unit)))
		return refuse(404, 'srv_enum_unit_missing', { unit: input.unitCode });
	const user = await findUserByEmail(db, normalizeEmail(input.email));
	if (!user) return refuse(404, 'srv_enum_user_missing', { email: input.email });
	const r = await assignEnumeratorToUnits(db, period, { userId: user.id, unitCodes: [unit] }, actorId, now);
	if (r.ok) return ok(m.enum_line_assigned({ email: r.value.email, unit, period: period.code }));
	// a script may run twice: an assignment that already exists is its goal reached
	if (r.status === 409 && refusesField(r, 'units'))
		return ok(m.enum_line_already_assigned({ email: user.email, unit, period: period.code }));
	return { ok: false, status: r.status, message: r.message };
}
