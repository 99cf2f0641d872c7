import type { Db } from '../db/connection';
import { findVisitContext, isAssessorOfVisit, type VisitContext } from '../visits/visit.repository';
import { findInstrumentById, type StoredInstrument } from '../periods/instrument.repository';
import { listItemsOfPlans } from '../coaching/coaching-item.repository';
import { restrictToIndicators } from '../../domain/score-sheet';

export interface AssessorVisit {
	ctx: VisitContext;
	instrument: StoredInstrument;
}

/**
 * The visit as seen by one of its assessors. Anyone else gets null (a 404 for the caller): the
 * blind rule means a sheet's existence is not disclosed to other assessors either.
 */
export async function openVisitForAssessor(
	db: Db,
	visitId: number,
	userId: number
): Promise<AssessorVisit | null> {
	if (!Number.isSafeInteger(visitId) || visitId < 1) return null;
	const ctx = await findVisitContext(db, visitId);
	if (!ctx || !(await isAssessorOfVisit(db, visitId, userId))) return null;
	const instrument = await findInstrumentById(db, ctx.instrumentId);
	if (!instrument) return null;
	if (ctx.kind === 'follow_up' && ctx.coachingPlanId !== null) {
		// docs/rules.md §8.4: a follow-up sheet holds only the plan's indicators, under the usual rules.
		const codes = new Set((await listItemsOfPlans(db, [ctx.coachingPlanId])).map((i) => i.indicatorCode));
		return { ctx, instrument: { ...instrument, def: restrictToIndicators(instrument.def, codes) } };
	}
	return { ctx, instrument };
}
