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
import { formatDateId } from '../../domain/format';
import { listPlans, type PlanSummary } from './coaching-plan.repository';
import { listItemsOfPlans, listItemStatesOfPlans } from './coaching-item.repository';
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
	plans: OverviewPlan[];
	categories: CategoryCount[];
	overdue: OverdueItem[];
	periodCodes: string[];
}

export async function visiblePlans(db: Db, user: SessionUser, f: OverviewFilter): Promise<PlanSummary[]> {
	const office = readsOfficeData(user.role);
	const unitIds = office ? undefined : (await listUnitsOfHead(db, user.id)).map((u) => u.id);
	const plans = await listPlans(db, { status: f.status, periodCode: f.periodCode, unitIds });
	return plans.filter((p) => (office || p.status !== 'draft') && (!f.category || p.category === f.category));
}

export async function loadCoachingOverview(
	db: Db,
	user: SessionUser,
	f: OverviewFilter,
	today: string
): Promise<CoachingOverview> {
	const all = await visiblePlans(db, user, {});
	const plans = all.filter(
		(p) =>
			(!f.status || p.status === f.status) &&
			(!f.periodCode || p.periodCode === f.periodCode) &&
			(!f.category || p.category === f.category)
	);
	const states = await listItemStatesOfPlans(
		db,
		plans.map((p) => p.id)
	);
	const progress = progressByPlan(plans, states, today);
	const byId = new Map(plans.map((p) => [p.id, p]));
	// Only the plans with an overdue item are read whole, for the list of overdue items.
	const late = new Set(
		states.filter((i) => byId.get(i.planId)?.status === 'active' && isOverdue(i, today)).map((i) => i.planId)
	);
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
		categories: countByCategory(plans, progress),
		overdue: overdue.map((i) => ({
			planId: i.planId,
			itemId: i.id,
			unitCode: byId.get(i.planId)!.unitCode,
			unitName: byId.get(i.planId)!.unitName,
			indicatorCode: i.indicatorCode,
			indicatorTitle: i.indicatorTitle,
			dueOnDisplay: formatDateId(i.dueOn as string)
		})),
		periodCodes: [...new Set(all.map((p) => p.periodCode))]
	};
}

/**
 * How many items of the active plans the user may see are overdue (the office's attention list):
 * only active plans are read, not the whole overview (a national period drafts 41,000 plans).
 */
export async function countOverdueItems(db: Db, user: SessionUser, today: string): Promise<number> {
	const active = await visiblePlans(db, user, { status: 'active' });
	const states = await listItemStatesOfPlans(
		db,
		active.map((p) => p.id)
	);
	return states.filter((i) => isOverdue(i, today)).length;
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
