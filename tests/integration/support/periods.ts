import type { Db } from '../../../src/lib/server/db/connection';
import { createPeriod } from '../../../src/lib/server/periods/period-admin.service';
import { DEFAULT_COACHING_RULE } from '../../../src/lib/domain/coaching/rule';

/** A draft period with the default settings of the contracts (2 visits, 2 assessors, 2 awards). */
export async function createDefaultPeriod(
	db: Db,
	p: {
		code: string;
		name?: string;
		instrument: string;
		from?: string;
		to?: string;
		minRankedForAwards?: number;
	},
	now: Date
): Promise<void> {
	const from = p.from ?? '2026-01-01';
	const to = p.to ?? '2026-03-31';
	const r = await createPeriod(
		db,
		{
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
			startsOn: from,
			endsOn: to,
			// empty: the default survey window, after any existing one (spec 8.6)
			surveyFrom: '',
			surveyTo: ''
		},
		null,
		now
	);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
}
