import type { Db } from '../db/connection';
import { readsOfficeData } from '../../domain/auth/office-readers';
import type { SessionUser } from '../../domain/auth/user';
import {
	countByCategory,
	isOverdue,
	latestFollowUpScores,
	progressByPlan,
	type CategoryCount,
	type PlanProgress,
	type PlanStatus
} from '../../domain/coaching';
import { fmtDate } from '$lib/i18n/display';
import {
	countPlans,
	listPlanPeriodCodes,
	listPlans,
	type PlanFilter,
	type PlanSummary
} from './coaching-plan.repository';
import { listItemsOfPlans, listItemStatesOfPlans, type ItemState } from './coaching-item.repository';
import { listItemTallies, listPlanTallies } from './coaching-tally.repository';
import { pageWindow } from '../../domain/pagination';
import { listUnitsOfHead } from '../units/unit.repository';
import { listFollowUpScores } from './follow-up.repository';
import type { CoachingExportRow } from './coaching-xlsx';

// /pembinaan: admins and viewers see every plan, unit heads the plans of their own units once activated
// (a draft is the admin's working copy).

export interface OverviewFilter {
	status?: PlanStatus;
	periodCode?: string;
	category?: string;
}

export interface OverviewPlan {
	id: number;
	periodCode: string;
	unitCode: string;
	unitName: string;
	category: string;
	status: PlanStatus;
	mentorName: string | null;
	progress: PlanProgress;
}

export interface OverdueItem {
	planId: number;
	itemId: number;
	unitCode: string;
	unitName: string;
	indicatorCode: string;
	indicatorTitle: string;
	dueOnDisplay: string;
}

export interface CoachingOverview {
	/** The plans of the filter, or the asked page of them. */
	plans: OverviewPlan[];
	total: number;
	page: number;
	pages: number;
	categories: CategoryCount[];
	overdue: OverdueItem[];
	periodCodes: string[];
}

/** What the user may see of the filter: office readers every plan, unit heads their units' non-drafts. */
async function planFilterOf(db: Db, user: SessionUser, f: OverviewFilter): Promise<PlanFilter> {
	const office = readsOfficeData(user.role);
	return {
		status: f.status,
		periodCode: f.periodCode,
		category: f.category,
		hideDrafts: !office,
		unitIds: office ? undefined : (await listUnitsOfHead(db, user.id)).map((u) => u.id)
	};
}

export async function visiblePlans(db: Db, user: SessionUser, f: OverviewFilter): Promise<PlanSummary[]> {
	return listPlans(db, await planFilterOf(db, user, f));
}

/** The overdue items' states of the given plans (only an active plan's items can be overdue). */
async function overdueStatesOf(db: Db, plans: readonly PlanSummary[], today: string): Promise<ItemState[]> {
	const active = plans.filter((p) => p.status === 'active');
	const states = await listItemStatesOfPlans(
		db,
		active.map((p) => p.id)
	);
	return states.filter((i) => isOverdue(i, today));
}

function countsOf(db: Db, filter: PlanFilter, today: string): Promise<CategoryCount[]> {
	return Promise.all([listPlanTallies(db, filter), listItemTallies(db, filter)]).then(([plans, items]) =>
		countByCategory(plans, items, today)
	);
}

/** Plans and items per category of what the user may see of the filter (the mayor's page). */
export async function countCoachingByCategory(
	db: Db,
	user: SessionUser,
	f: OverviewFilter,
	today: string
): Promise<CategoryCount[]> {
	return countsOf(db, await planFilterOf(db, user, f), today);
}

/**
 * The /pembinaan overview: counts per category for every plan of the filter (grouped in the
 * database), the overdue items, and the plans themselves, or one page of them when `paging` is
 * given (a national period drafts 41,000 plans).
 */
export async function loadCoachingOverview(
	db: Db,
	user: SessionUser,
	f: OverviewFilter,
	today: string,
	paging?: { page: number; size: number }
): Promise<CoachingOverview> {
	const filter = await planFilterOf(db, user, f);
	const total = await countPlans(db, filter);
	const win = paging ? pageWindow(paging.page, total, paging.size) : null;
	const plans = await listPlans(db, filter, win ?? undefined);
	const progress = progressByPlan(
		plans,
		await listItemStatesOfPlans(
			db,
			plans.map((p) => p.id)
		),
		today
	);
	const active =
		f.status && f.status !== 'active' ? [] : await listPlans(db, { ...filter, status: 'active' });
	const byId = new Map(active.map((p) => [p.id, p]));
	// Only the plans with an overdue item are read whole, for the list of overdue items.
	const late = new Set((await overdueStatesOf(db, active, today)).map((i) => i.planId));
	const overdue = (await listItemsOfPlans(db, [...late])).filter((i) => isOverdue(i, today));
	return {
		plans: plans.map((p) => ({
			id: p.id,
			periodCode: p.periodCode,
			unitCode: p.unitCode,
			unitName: p.unitName,
			category: p.category,
			status: p.status,
			mentorName: p.mentorName,
			progress: progress.get(p.id)!
		})),
		total,
		page: win?.page ?? 1,
		pages: win?.pages ?? 1,
		categories: await countsOf(db, filter, today),
		overdue: overdue.map((i) => ({
			planId: i.planId,
			itemId: i.id,
			unitCode: byId.get(i.planId)!.unitCode,
			unitName: byId.get(i.planId)!.unitName,
			indicatorCode: i.indicatorCode,
			indicatorTitle: i.indicatorTitle,
			dueOnDisplay: fmtDate(i.dueOn as string)
		})),
		periodCodes: await listPlanPeriodCodes(db, {
			...filter,
			status: undefined,
			periodCode: undefined,
			category: undefined
		})
	};
}

/**
 * How many items of the active plans the user may see are overdue (the office's attention list):
 * only active plans are read, not the whole overview (a national period drafts 41,000 plans).
 */
export async function countOverdueItems(db: Db, user: SessionUser, today: string): Promise<number> {
	return (await overdueStatesOf(db, await visiblePlans(db, user, { status: 'active' }), today)).length;
}

/** Every item of the plans the user may see (same filter as the page), for the XLSX export. */
export async function listCoachingExportRows(
	db: Db,
	user: SessionUser,
	f: OverviewFilter,
	today: string
): Promise<CoachingExportRow[]> {
	const plans = await visiblePlans(db, user, f);
	const byId = new Map(plans.map((p) => [p.id, p]));
	const items = await listItemsOfPlans(
		db,
		plans.map((p) => p.id)
	);
	const rows: CoachingExportRow[] = [];
	for (const i of items) {
		const p = byId.get(i.planId)!;
		const after = latestFollowUpScores(await listFollowUpScores(db, p.id)).get(i.indicatorId);
		rows.push({
			periodCode: p.periodCode,
			category: p.category,
			unitCode: p.unitCode,
			unitName: p.unitName,
			planStatus: p.status,
			mentor: p.mentorName ?? '',
			indicatorCode: i.indicatorCode,
			indicatorTitle: i.indicatorTitle,
			currentScore: i.currentScore,
			afterScore: after?.score ?? null,
			targetLevel: i.targetLevel,
			gainNext: i.gainNext,
			action: i.action,
			dueOn: i.dueOn ?? '',
			responsible: i.responsible ?? '',
			itemStatus: i.status,
			overdue: p.status === 'active' && isOverdue(i, today)
		});
	}
	return rows;
}
