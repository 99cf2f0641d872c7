import type { Db } from '../db/connection';
import type { Period } from '../periods/period.repository';
import { listPeriodSurveyUnitsByCode } from '../survey/survey-period.repository';
import { findUserById } from '../accounts/user.repository';
import { auditTrail } from '../audit/audit.repository';
import { assignEnumerator, isEnumeratorOf, unassignEnumerator } from './enumerator.repository';
import { ok, refuse, refuseField, type ServiceResult } from '../service-result';

// The office assigns enumerators to units of a period on the web page (README "Survey
// enumerators"). Every request is checked whole before anything is written: one bad unit in a
// list of five changes nothing, and the answer names the field and the unit.

/** How many units the request touched, and whose assignment it was. */
export type RosterChange = ServiceResult<{ count: number; email: string }>;

async function checkEnumerator(db: Db, userId: number) {
	const user = await findUserById(db, userId);
	if (!user) return refuseField(404, 'enumerator', 'srv_roster_unknown_user', { id: String(userId) });
	if (user.role !== 'enumerator')
		return refuseField(400, 'enumerator', 'srv_roster_not_enumerator', {
			email: user.email,
			role: user.role
		});
	if (!user.active) return refuseField(400, 'enumerator', 'srv_roster_inactive', { email: user.email });
	return user;
}

export async function assignEnumeratorToUnits(
	db: Db,
	period: Period,
	input: { userId: number; unitCodes: string[] },
	actorId: number | null,
	now: Date
): Promise<RosterChange> {
	if (period.status === 'archived') return refuse(409, 'srv_roster_archived', { period: period.code });
	const codes = [...new Set(input.unitCodes.map((c) => c.trim()))];
	if (!codes.length || codes.some((c) => c === '')) return refuseField(400, 'units', 'srv_roster_no_units');
	const user = await checkEnumerator(db, input.userId);
	if ('ok' in user) return user;
	const inPeriod = new Map(
		(await listPeriodSurveyUnitsByCode(db, period.id, codes)).map((u) => [u.code, u.id])
	);
	const unknown = codes.filter((c) => !inPeriod.has(c));
	if (unknown.length)
		return refuseField(400, 'units', 'srv_roster_units_not_in_period', {
			units: unknown.join(', '),
			period: period.code
		});
	const already: string[] = [];
	for (const c of codes)
		if (await isEnumeratorOf(db, { periodId: period.id, unitId: inPeriod.get(c)!, userId: user.id }))
			already.push(c);
	if (already.length)
		return refuseField(409, 'units', 'srv_roster_already_assigned', {
			email: user.email,
			units: already.join(', ')
		});
	await db.transaction().execute(async (trx) => {
		for (const c of codes) {
			await assignEnumerator(trx, { periodId: period.id, unitId: inPeriod.get(c)!, userId: user.id });
			await auditTrail(trx, actorId, now).record('assign_enumerator', 'unit', c, {
				period: period.code,
				enumerator: user.email
			});
		}
	});
	return ok({ count: codes.length, email: user.email });
}

/** Ends an assignment; the questionnaires already entered stay and keep counting in the IKM. */
export async function removeEnumeratorFromUnit(
	db: Db,
	period: Period,
	input: { userId: number; unitCode: string },
	actorId: number,
	now: Date
): Promise<RosterChange> {
	if (period.status === 'archived') return refuse(409, 'srv_roster_archived', { period: period.code });
	const user = await findUserById(db, input.userId);
	if (!user) return refuseField(404, 'enumerator', 'srv_roster_unknown_user', { id: String(input.userId) });
	const [unit] = await listPeriodSurveyUnitsByCode(db, period.id, [input.unitCode.trim()]);
	if (!unit)
		return refuseField(400, 'units', 'srv_roster_units_not_in_period', {
			units: input.unitCode,
			period: period.code
		});
	const removed = await db.transaction().execute(async (trx) => {
		const gone = await unassignEnumerator(trx, { periodId: period.id, unitId: unit.id, userId: user.id });
		if (gone)
			await auditTrail(trx, actorId, now).record('unassign_enumerator', 'unit', unit.code, {
				period: period.code,
				enumerator: user.email
			});
		return gone;
	});
	if (!removed)
		return refuseField(404, 'units', 'srv_roster_not_assigned', { email: user.email, unit: unit.code });
	return ok({ count: 1, email: user.email });
}
