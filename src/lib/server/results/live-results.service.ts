import type { Db } from '../db/connection';
import type { PeriodResults } from '../../domain/scoring/results-shape';
import type { Period } from '../periods/period.repository';
import { loadResults } from './results.service';

/** Results of a period not yet published (admins and viewers only), from the results service. */
export async function loadLiveResults(db: Db, period: Period): Promise<PeriodResults | null> {
	const found = await loadResults(db, period.code, new Date());
	return found ? found.doc : null;
}
