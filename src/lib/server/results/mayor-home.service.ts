import type { Db } from '../db/connection';
import type { SessionUser } from '../../domain/auth/user';
import { listPeriods, listPublishedPeriods } from '../periods/period.repository';
import { loadPublicResults, type PublicUnitIkm } from './public-results.service';
import { loadResults } from './results.service';
import { loadCoachingOverview, type OverviewPlan } from '../coaching/coaching-overview.service';
import type { PublicCategory } from '../../domain/scoring/public-view';
import type { PeriodStatus } from '../../domain/period-status';
import { pageOf } from '../../domain/pagination';

// The mayor's home (/pimpinan): the latest published period's ranking per category with each
// unit's IKM, coaching progress of that period, and the category means over the published periods.
const TREND_PERIODS = 5;

export interface CoachingRow {
	category: string;
	plans: number;
	completed: number;
	items: number;
	verified: number;
	overdue: number;
}

export interface MayorHome {
	latest: {
		code: string;
		name: string;
		/** Each category with the top of its ranking; rankedCount is the whole ranking's length. */
		categories: (PublicCategory & { rankedCount: number })[];
		ikm: Record<string, PublicUnitIkm>;
	} | null;
	coaching: CoachingRow[];
	trend: {
		periods: { code: string; name: string }[];
		/** Mean IPP per period, as numbers: the page writes them in the reader's language. */
		rows: { category: string; means: (number | null)[] }[];
	};
	periods: { code: string; name: string; status: PeriodStatus; startsOn: string; endsOn: string }[];
}

async function categoryTrend(db: Db, periods: { code: string; name: string }[], now: Date) {
	const shown = periods.slice(0, TREND_PERIODS).reverse();
	const means = new Map<string, (number | null)[]>();
	for (const [i, p] of shown.entries()) {
		const found = await loadResults(db, p.code, now);
		for (const c of found?.doc.categories ?? []) {
			if (!means.has(c.name))
				means.set(
					c.name,
					shown.map(() => null)
				);
			means.get(c.name)![i] = c.mean_ipp;
		}
	}
	return {
		periods: shown.map((p) => ({ code: p.code, name: p.name })),
		rows: [...means].map(([category, m]) => ({ category, means: m }))
	};
}

function coachingRows(plans: OverviewPlan[]): CoachingRow[] {
	const rows = new Map<string, CoachingRow>();
	for (const p of plans.filter((x) => x.status !== 'cancelled')) {
		const r = rows.get(p.category) ?? {
			category: p.category,
			plans: 0,
			completed: 0,
			items: 0,
			verified: 0,
			overdue: 0
		};
		r.plans++;
		if (p.status === 'completed') r.completed++;
		r.items += p.progress.total;
		r.verified += p.progress.verified;
		r.overdue += p.progress.overdue;
		rows.set(p.category, r);
	}
	return [...rows.values()];
}

export async function loadMayorHome(db: Db, user: SessionUser, today: string, now: Date): Promise<MayorHome> {
	const published = await listPublishedPeriods(db);
	const newest = published[0];
	const results = newest ? await loadPublicResults(db, newest.code, user.role, now) : null;
	const coaching = newest
		? await loadCoachingOverview(db, user, { periodCode: newest.code }, today)
		: { plans: [] as OverviewPlan[] };
	// The top of each ranking; the public page lists the whole (CATEGORY_ROWS_PER_PAGE).
	const categories = (results?.categories ?? []).map((c) => ({
		...c,
		ranked: pageOf(c.ranked, 1).rows,
		rankedCount: c.ranked.length
	}));
	const shownCodes = new Set(categories.flatMap((c) => c.ranked.map((u) => u.code)));
	return {
		latest: results
			? {
					code: results.period.code,
					name: results.period.name,
					categories,
					ikm: Object.fromEntries(results.ikm.filter((u) => shownCodes.has(u.code)).map((u) => [u.code, u]))
				}
			: null,
		coaching: coachingRows(coaching.plans),
		trend: await categoryTrend(db, published, now),
		periods: (await listPeriods(db)).map((p) => ({
			code: p.code,
			name: p.name,
			status: p.status,
			startsOn: p.startsOn,
			endsOn: p.endsOn
		}))
	};
}
