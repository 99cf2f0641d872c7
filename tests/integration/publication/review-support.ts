import { expect } from 'vitest';
import type { Db } from '../../../src/lib/server/db/connection';
import { findPeriodByCode } from '../../../src/lib/server/periods/period.repository';
import { findInstrumentById } from '../../../src/lib/server/periods/instrument.repository';
import { reviewPeriodScores } from '../../../src/lib/server/review/score-review.service';
import { scoredIndicators } from '../../../src/lib/domain/instrument/queries';
import { findDisagreements } from '../../../src/lib/domain/scoring/disagreement';
import { assessorLeniency } from '../../../src/lib/domain/scoring/leniency';
import type { UnitSheetScores } from '../../../src/lib/domain/scoring/types';

// The review reads one stored figure per unit (table unit_review_figure) instead of every score
// (README, "Benchmark"). Whatever path changed a sheet, its flags and leniency must equal, to the
// last bit, those worked out from the period's submitted sheets themselves.

/** The period's submitted regular sheets with their scored indicators, straight from the tables. */
async function sheetsOfPeriod(db: Db, periodId: number, scored: Set<string>): Promise<UnitSheetScores[]> {
	const rows = await db
		.selectFrom('score_sheet as s')
		.innerJoin('visit as v', 'v.id', 's.visit_id')
		.innerJoin('unit as u', 'u.id', 'v.unit_id')
		.innerJoin('score as sc', 'sc.sheet_id', 's.id')
		.innerJoin('indicator as i', 'i.id', 'sc.indicator_id')
		.select(['u.code as unit', 'v.visit_no', 's.id', 's.assessor_id', 'i.code', 'sc.score'])
		.where('v.period_id', '=', periodId)
		.where('v.kind', '=', 'regular')
		.where('s.status', '=', 'submitted')
		.orderBy('u.id')
		.orderBy('v.visit_no')
		.orderBy('s.id')
		.orderBy('i.id')
		.execute();
	const sheets = new Map<number, UnitSheetScores>();
	for (const r of rows) {
		if (r.score === null || !scored.has(r.code)) continue;
		let sheet = sheets.get(r.id);
		if (!sheet)
			sheets.set(
				r.id,
				(sheet = { unitCode: r.unit, visitNo: r.visit_no, assessorId: r.assessor_id, scores: {} })
			);
		(sheet.scores as Record<string, number>)[r.code] = r.score;
	}
	return [...sheets.values()];
}

/** The review equals the rules applied to every sheet; returns its flags. */
export async function expectReviewFromSheets(db: Db, periodCode: string) {
	const period = (await findPeriodByCode(db, periodCode))!;
	const instrument = (await findInstrumentById(db, period.instrumentId))!;
	const scored = scoredIndicators(instrument.def).map((i) => i.code);
	const sheets = await sheetsOfPeriod(db, period.id, new Set(scored));
	const review = await reviewPeriodScores(db, period);

	const flags = findDisagreements(sheets, {
		threshold: period.disagreementThreshold,
		indicators: scored
	}).sort((a, b) => (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0));
	expect(
		review.flags.map((f) => [f.unitCode, f.indicatorCode, f.min, f.max, f.scores.map((s) => s.score)])
	).toEqual(flags.map((f) => [f.unitCode, f.indicatorCode, f.min, f.max, f.scores.map((s) => s.score)]));
	const lenient = assessorLeniency(sheets, { indicators: scored });
	expect(
		review.leniency
			.map((l) => ({ assessorId: l.assessorId, meanDeviation: l.meanDeviation, count: l.count }))
			.sort((a, b) => (String(a.assessorId) < String(b.assessorId) ? -1 : 1))
	).toEqual(lenient);
	return review.flags;
}

/** The stored review figures, in unit order. */
export const storedReviewFigures = (db: Db) =>
	db.selectFrom('unit_review_figure').selectAll().orderBy('unit_id').execute();
