import type { Db } from '../db/connection';
import { normalizeEmail } from '../../domain/auth/user';
import { findPeriodByCode } from '../periods/period.repository';
import { findSurveyUnitByCode } from '../survey/survey-unit.repository';
import { findUserByEmail } from '../accounts/user.repository';
import { recordAudit } from '../audit/audit.repository';
import { refuse, ok, type ServiceResult } from '../service-result';
import { assignEnumerator } from './enumerator.repository';

// The office assigns an enumerator (role `enumerator`) to a unit within a period (README "Survey
// enumerators"); only assigned units accept that enumerator's questionnaires.
export async function assignEnumeratorToUnit(
	db: Db,
	input: { periodCode: string; unitCode: string; email: string },
	actorId: number | null,
	now: Date
): Promise<ServiceResult<string>> {
	const period = await findPeriodByCode(db, input.periodCode.trim());
	if (!period) return refuse(404, 'srv_enum_period_missing', { period: input.periodCode });
	if (period.status === 'archived') return refuse(409, 'srv_enum_period_archived', { period: period.code });
	const unit = await findSurveyUnitByCode(db, input.unitCode.trim());
	if (!unit) return refuse(404, 'srv_enum_unit_missing', { unit: input.unitCode });
	const user = await findUserByEmail(db, normalizeEmail(input.email));
	if (!user) return refuse(404, 'srv_enum_user_missing', { email: input.email });
	if (user.role !== 'enumerator')
		return refuse(400, 'srv_enum_not_enumerator', { email: user.email, role: user.role });
	const added = await db.transaction().execute(async (trx) => {
		const fresh = await assignEnumerator(trx, { periodId: period.id, unitId: unit.id, userId: user.id });
		if (fresh)
			await recordAudit(
				trx,
				{
					userId: actorId,
					action: 'assign_enumerator',
					entity: 'unit',
					entityId: unit.code,
					detail: { period: period.code, enumerator: user.email }
				},
				now
			);
		return fresh;
	});
	return ok(
		`Enumerator ${user.email} ${added ? 'ditugaskan' : 'sudah ditugaskan'} pada ${unit.code} di periode ${period.code}.`
	);
}
