import type { Db } from '../db/connection';
import type { SessionUser } from '../../domain/auth/user';
import { listPeriods, listPublishedPeriods } from '../periods/period.repository';
import { loadPublicRanking, publicIkm, type PublicUnitIkm } from './public-results.service';
import { computeUnitsIkm } from '../survey/survey-results.service';
import { loadResults } from './results.service';
import { countCoachingByCategory } from '../coaching/coaching-overview.service';
import type { CategoryCount } from '../../domain/coaching/overview';
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

/** Per category, the plans that are not cancelled and their items. */
function coachingRows(counts: readonly CategoryCount[]): CoachingRow[] {
	return counts
		.map((c) => ({
			category: c.category,
			plans: c.byStatus.draft + c.byStatus.active + c.byStatus.completed,
			completed: c.byStatus.completed,
			items: c.items,
			verified: c.verified,
			overdue: c.overdueItems
		}))
		.filter((r) => r.plans > 0);
}

export async function loadMayorHome(db: Db, user: SessionUser, today: string, now: Date): Promise<MayorHome> {
	const published = await listPublishedPeriods(db);
	const newest = published[0];
	const results = newest ? await loadPublicRanking(db, newest.code, user.role, now) : null;
	const coaching = newest ? await countCoachingByCategory(db, user, { periodCode: newest.code }, today) : [];
	// The top of each ranking; the public page lists the whole (CATEGORY_ROWS_PER_PAGE).
	const categories = (results?.categories ?? []).map((c) => ({
		...c,
		ranked: pageOf(c.ranked, 1).rows,
		rankedCount: c.ranked.length
	}));
	// The IKM of the units on show only: a national period has 80,000 units.
	const shownCodes = categories.flatMap((c) => c.ranked.map((u) => u.code));
	const ikm = results ? publicIkm(await computeUnitsIkm(db, results.periodId, shownCodes)) : [];
	return {
		latest: results
			? {
					code: results.period.code,
					name: results.period.name,
					categories,
					ikm: Object.fromEntries(ikm.map((u) => [u.code, u]))
				}
			: null,
		coaching: coachingRows(coaching),
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
