import type { Db } from '../../../src/lib/server/db/connection';
import { createPeriod, type NewPeriodInput } from '../../../src/lib/server/periods/period-admin.service';
import { DEFAULT_COACHING_RULE } from '../../../src/lib/domain/coaching/rule';

interface DefaultPeriod {
	code: string;
	name?: string;
	instrument: string;
	from?: string;
	to?: string;
	minRankedForAwards?: number;
}

/** The create-period input with the default settings (docs/rules.md §4.6, §4.8) (2 visits, 2 assessors, 2 awards). */
export function defaultPeriodInput(p: DefaultPeriod): NewPeriodInput {
	return {
		code: p.code,
		name: p.name ?? 'Periode uji',
		instrumentCode: p.instrument,
		requiredVisits: 2,
		requiredAssessors: 2,
		awardsPerCategory: 2,
		minRankedForAwards: p.minRankedForAwards,
		awardMinGrade: null,
		disagreementThreshold: 2,
		coachingRule: DEFAULT_COACHING_RULE,
		startsOn: p.from ?? '2026-01-01',
		endsOn: p.to ?? '2026-03-31',
		// empty: the default survey window, after any existing one (docs/rules.md §8.6)
		surveyFrom: '',
		surveyTo: ''
	};
}

/** A draft period with the default settings (docs/rules.md §4.6, §4.8) (2 visits, 2 assessors, 2 awards). */
export async function createDefaultPeriod(db: Db, p: DefaultPeriod, now: Date): Promise<void> {
	const r = await createPeriod(db, defaultPeriodInput(p), null, now);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
}
