import type { Db } from '../db/connection';
import type { PeriodResults } from '../../domain/scoring/results-shape';
import type { ReportPeriod } from '../repositories/report-card.repository';

/** Results of a period not yet published (admins and viewers only). */
export async function loadLiveResults(_db: Db, _period: ReportPeriod): Promise<PeriodResults | null> {
	return null;
}
