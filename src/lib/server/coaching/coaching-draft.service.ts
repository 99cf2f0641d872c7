import type { Db } from '../db/connection';
import type { PeriodResults } from '../../domain/scoring/results-shape';
import { unitIndicatorMeans } from '../../domain/scoring/unit-scores';
import { addDaysIso, draftCoachingItems, selectUnitsForCoaching } from '../../domain/coaching';
import { officeDate } from '../config';
import { findInstrumentById } from '../periods/instrument.repository';
import { findPeriodById } from '../periods/period.repository';
import { listSheetScoresOfUnits } from '../sheets/unit-sheet.repository';
import { findUnitIdsByCodes } from '../units/unit.repository';
import { insertPlanIfAbsent, listHeadNamesOfUnits } from './coaching-plan.repository';
import { insertItems } from './coaching-item.repository';
import { slices } from '../db/slices';

/** Decision: a drafted item is due 90 days after publication; the admin adjusts it before activating. */
export const DEFAULT_DUE_DAYS = 90;

export interface DraftOutcome {
	drafted: number;
	/** Units that met the rule but already had a plan (re-publication). */
	kept: number;
}

/**
 * Drafts coaching plans (docs/rules.md §5) for the units of a published period that meet its coaching rule.
 * Idempotent: a unit that already has a plan in the period keeps it untouched. Call it inside the
 * publication's transaction so that results and plans appear together.
 */
export async function draftCoachingPlans(
	db: Db,
	periodId: number,
	results: PeriodResults,
	now: Date
): Promise<DraftOutcome> {
	const period = await findPeriodById(db, periodId);
	if (!period) throw new Error(`Periode ${periodId} tidak ditemukan`);
	const instrument = await findInstrumentById(db, period.instrumentId);
	if (!instrument) throw new Error(`Instrumen periode ${period.code} tidak ditemukan`);
	const candidates = selectUnitsForCoaching(period.coachingRule, results);
	if (!candidates.length) return { drafted: 0, kept: 0 };

	const dueOn = addDaysIso(officeDate(now), DEFAULT_DUE_DAYS);
	let drafted = 0;
	let kept = 0;
	// A slice of units at a time: a national period can put tens of thousands of units under the
	// rule, and each unit's sheets are read only while its plan is drafted.
	for (const slice of slices(candidates)) {
		const unitIds = await findUnitIdsByCodes(
			db,
			slice.map((c) => c.unitCode)
		);
		const ids = [...unitIds.values()];
		const sheets = await listSheetScoresOfUnits(db, periodId, ids);
		const heads = await listHeadNamesOfUnits(db, ids);
		for (const c of slice) {
			const unitId = unitIds.get(c.unitCode);
			if (unitId === undefined) continue;
			const planId = await insertPlanIfAbsent(db, { periodId, unitId, reason: c.reason }, now);
			if (planId === null) {
				kept++;
				continue;
			}
			const means = unitIndicatorMeans(sheets.get(unitId) ?? []);
			const responsible = heads.get(unitId)?.join(', ') || `Kepala ${c.unitName}`;
			const items = draftCoachingItems(instrument.def, means, period.coachingItems);
			await insertItems(
				db,
				planId,
				items.map((item, position) => ({
					indicatorId: instrument.indicatorIds.get(item.indicatorCode) as number,
					position,
					currentScore: item.currentScore,
					targetLevel: item.targetLevel,
					gainNext: item.gainNext,
					action: item.action,
					dueOn,
					responsible
				})),
				now
			);
			drafted++;
		}
	}
	return { drafted, kept };
}
