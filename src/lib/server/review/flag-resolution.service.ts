import type { Db } from '../db/connection';
import { inTransaction } from '../db/transaction';
import { findPeriodByCode } from '../periods/period.repository';
import { findInstrumentById } from '../periods/instrument.repository';
import { findUnitIdByCode } from '../units/unit.repository';
import { findMaxVisitNo, flagResolutionExists, insertFlagResolution } from './disagreement.repository';
import { insertVisit } from '../visits/visit.repository';
import { auditTrail } from '../audit/audit.repository';
import { invalidatePeriodResults } from '../results/result-cache.repository';
import { reviewPeriodScores } from './score-review.service';
import { ok, refuse, type ServiceResult } from '../service-result';

// Resolving a disagreement flag (docs/rules.md §4.10): with a note, or by ordering an extra visit, which
// adds the unit's next regular visit (visit_no = max + 1) for an assessor to be assigned later.

export interface ResolveFlagInput {
	periodCode: string;
	unitCode: string;
	indicatorCode: string;
	action: 'note' | 'extra_visit';
	note: string;
	userId: number;
}

export const RESOLUTION_NOTE_MAX = 2000;

/** One flag, as the command line and older callers name it. */
export async function resolveDisagreement(
	db: Db,
	input: ResolveFlagInput,
	now: Date
): Promise<ServiceResult<{ visitNo: number | null }>> {
	const r = await resolveDisagreements(
		db,
		{ ...input, flags: [{ unitCode: input.unitCode, indicatorCode: input.indicatorCode }] },
		now
	);
	return r.ok ? ok({ visitNo: r.value.extraVisits[0]?.visitNo ?? null }) : r;
}

export interface FlagKey {
	unitCode: string;
	indicatorCode: string;
}

export interface ResolveFlagsInput {
	periodCode: string;
	flags: readonly FlagKey[];
	action: 'note' | 'extra_visit';
	note: string;
	userId: number;
}

/** How many flags were resolved, and the extra visit ordered for each unit when one was. */
export interface FlagsResolved {
	resolved: number;
	extraVisits: { unitCode: string; visitNo: number }[];
}

export const RESOLUTION_BATCH_MAX = 500;

/**
 * Resolves several flags with one note, all or none (docs/rules.md §4.10). An extra visit is
 * ordered once per unit, however many of its indicators are chosen: one visit rescores them all.
 */
export async function resolveDisagreements(
	db: Db,
	input: ResolveFlagsInput,
	now: Date
): Promise<ServiceResult<FlagsResolved>> {
	const note = input.note.trim();
	if (!note) return refuse(400, 'srv_review_note_missing');
	if (note.length > RESOLUTION_NOTE_MAX)
		return refuse(400, 'srv_review_note_too_long', { max: RESOLUTION_NOTE_MAX });
	const keys = [...new Map(input.flags.map((f) => [`${f.unitCode}|${f.indicatorCode}`, f])).values()];
	if (keys.length === 0) return refuse(400, 'srv_review_none_chosen');
	if (keys.length > RESOLUTION_BATCH_MAX)
		return refuse(400, 'srv_review_too_many', { max: RESOLUTION_BATCH_MAX });
	return inTransaction(db, async (trx): Promise<ServiceResult<FlagsResolved>> => {
		const period = await findPeriodByCode(trx, input.periodCode);
		if (!period) return refuse(404, 'srv_review_period_missing', { period: input.periodCode });
		if (period.status === 'archived')
			return refuse(409, 'srv_review_period_archived', { period: period.code });
		const review = await reviewPeriodScores(trx, period);
		const byKey = new Map(review.flags.map((f) => [`${f.unitCode}|${f.indicatorCode}`, f]));
		const instrument = (await findInstrumentById(trx, period.instrumentId))!;
		const unitIds = new Map<string, number>();
		for (const key of keys) {
			const flag = byKey.get(`${key.unitCode}|${key.indicatorCode}`);
			const named = { unit: key.unitCode, indicator: key.indicatorCode };
			if (!flag) return refuse(404, 'srv_review_flag_missing', named);
			const unitId = unitIds.get(key.unitCode) ?? (await findUnitIdByCode(trx, key.unitCode))!;
			unitIds.set(key.unitCode, unitId);
			// Two admins on the same flag: the unique key decides, the later one gets a clear 409.
			const indicatorId = instrument.indicatorIds.get(key.indicatorCode)!;
			if (flag.resolution || (await flagResolutionExists(trx, period.id, unitId, indicatorId)))
				return refuse(409, 'srv_review_flag_resolved', named);
		}
		const extraVisits: { unitCode: string; visitNo: number }[] = [];
		if (input.action === 'extra_visit')
			for (const [unitCode, unitId] of unitIds) {
				const visitNo = (await findMaxVisitNo(trx, period.id, unitId)) + 1;
				await insertVisit(trx, { periodId: period.id, unitId, visitNo, plannedOn: null }, now);
				extraVisits.push({ unitCode, visitNo });
			}
		for (const key of keys) {
			const indicatorId = instrument.indicatorIds.get(key.indicatorCode)!;
			await insertFlagResolution(
				trx,
				{
					periodId: period.id,
					unitId: unitIds.get(key.unitCode)!,
					indicatorId,
					action: input.action,
					note,
					resolvedBy: input.userId
				},
				now
			);
			await auditTrail(trx, input.userId, now).record('disagreement.resolve', 'period', period.id, {
				code: period.code,
				unit: key.unitCode,
				indicator: key.indicatorCode,
				action: input.action,
				note,
				extraVisitNo: extraVisits.find((v) => v.unitCode === key.unitCode)?.visitNo ?? null
			});
		}
		await invalidatePeriodResults(trx, period.id);
		return ok({ resolved: keys.length, extraVisits });
	});
}
