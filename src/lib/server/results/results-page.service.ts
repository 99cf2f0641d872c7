import type { Db } from '../db/connection';
import { findInstrumentById } from '../periods/instrument.repository';
import { loadResults } from './results.service';
import type { ResultsDocument } from '../../domain/scoring/results-shape';
import { reviewPeriodScores, type ScoreReview } from '../review/score-review.service';
import type { Period } from '../periods/period.repository';

// Everything the administrators' results page needs, in one call.
export interface AdminResults {
	period: Period;
	doc: ResultsDocument;
	review: ScoreReview;
	aspects: { code: string; name: string }[];
}

export async function loadAdminResults(db: Db, code: string, now: Date): Promise<AdminResults | null> {
	const found = await loadResults(db, code, now);
	if (!found) return null;
	const instrument = await findInstrumentById(db, found.period.instrumentId);
	const aspects = (instrument?.def.aspects ?? [])
		.filter((a) => a.weight > 0)
		.map((a) => ({ code: a.code, name: a.name }));
	return { ...found, review: await reviewPeriodScores(db, found.period), aspects };
}
