import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { officeDate } from '$lib/server/config';
import { listVisitsOfAssessor } from '$lib/server/visits/visit.repository';
import { filterVisits, sortVisitsForAssessor, type VisitSheetState } from '$lib/domain/score-sheet';

const STATES: VisitSheetState[] = ['not_started', 'draft', 'submitted'];

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'assessor');
	const all = await listVisitsOfAssessor(getDb(), user.id);
	const periods = [
		...new Map(all.map((v) => [v.periodCode, { code: v.periodCode, name: v.periodName }])).values()
	];
	const periodParam = event.url.searchParams.get('periode');
	const stateParam = event.url.searchParams.get('status');
	// Default: the round under way, where the work is; "semua" shows every period.
	const current = all.find((v) => v.periodStatus === 'running')?.periodCode ?? null;
	const period =
		periodParam === 'semua' ? null : periods.some((p) => p.code === periodParam) ? periodParam : current;
	const state = STATES.includes(stateParam as VisitSheetState) ? (stateParam as VisitSheetState) : null;
	const inPeriod = filterVisits(all, { period, state: null });
	return {
		periods,
		filter: { period: period ?? 'semua', state: state ?? '' },
		visits: sortVisitsForAssessor(filterVisits(inPeriod, { period: null, state })),
		progress: {
			submitted: inPeriod.filter((v) => v.sheetState === 'submitted').length,
			draft: inPeriod.filter((v) => v.sheetState === 'draft').length,
			total: inPeriod.length
		},
		today: officeDate()
	};
};
