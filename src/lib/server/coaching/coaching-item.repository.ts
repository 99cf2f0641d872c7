import type { Db } from '../db/connection';
import type { ItemStatus, PlanStatus } from '../../domain/coaching/states';
import { readInSlices } from '../db/slices';

export interface NewItem {
	indicatorId: number;
	position: number;
	currentScore: number;
	targetLevel: number;
	gainNext: number;
	action: string;
	dueOn: string | null;
	responsible: string | null;
}

export async function insertItems(db: Db, planId: number, items: NewItem[], now: Date): Promise<void> {
	if (!items.length) return;
	await db
		.insertInto('coaching_item')
		.values(
			items.map((i) => ({
				plan_id: planId,
				indicator_id: i.indicatorId,
				position: i.position,
				current_score: i.currentScore,
				target_level: i.targetLevel,
				gain_next: i.gainNext,
				action: i.action,
				due_on: i.dueOn,
				responsible: i.responsible,
				created_at: now.getTime(),
				updated_at: now.getTime()
			}))
		)
		.execute();
}

/** A stored item: what was drafted (NewItem) with its indicator, its state and who verified it. */
export interface PlanItem extends NewItem {
	id: number;
	planId: number;
	indicatorCode: string;
	indicatorTitle: string;
	status: ItemStatus;
	verifiedByName: string | null;
	verifiedAt: Date | null;
}

function items(db: Db) {
	return db
		.selectFrom('coaching_item as ci')
		.innerJoin('indicator', 'indicator.id', 'ci.indicator_id')
		.leftJoin('user as v', 'v.id', 'ci.verified_by')
		.select([
			'ci.id',
			'ci.plan_id as planId',
			'ci.indicator_id as indicatorId',
			'indicator.code as indicatorCode',
			'indicator.title as indicatorTitle',
			'ci.position',
			'ci.current_score as currentScore',
			'ci.target_level as targetLevel',
			'ci.gain_next as gainNext',
			'ci.action',
			'ci.due_on as dueOn',
			'ci.responsible',
			'ci.status',
			'v.name as verifiedByName',
			'ci.verified_at'
		]);
}

type ItemRow = Omit<PlanItem, 'verifiedAt'> & { verified_at: number | null };
const toItem = ({ verified_at, ...r }: ItemRow): PlanItem => ({
	...r,
	verifiedAt: verified_at === null ? null : new Date(verified_at)
});

export async function listItemsOfPlans(db: Db, planIds: number[]): Promise<PlanItem[]> {
	if (!planIds.length) return [];
	// Ascending slices keep the order (plan, then position) across slices.
	const rows = await readInSlices(
		[...planIds].sort((a, b) => a - b),
		(slice) =>
			items(db).where('ci.plan_id', 'in', slice).orderBy('ci.plan_id').orderBy('ci.position').execute()
	);
	return rows.map(toItem);
}

/** An item's plan, state and due date: what the overview counts, without the item's texts. */
export interface ItemState {
	id: number;
	planId: number;
	status: ItemStatus;
	dueOn: string | null;
}

/**
 * The states of the plans' items, in no set order. The overview counts progress over every plan
 * of a period; a national period drafts 41,000 plans with 205,000 items (README, "Benchmark"),
 * and reading them whole took four times as long.
 */
export function listItemStatesOfPlans(db: Db, planIds: readonly number[]): Promise<ItemState[]> {
	return readInSlices(planIds, (slice) =>
		db
			.selectFrom('coaching_item')
			.select(['id', 'plan_id as planId', 'status', 'due_on as dueOn'])
			.where('plan_id', 'in', slice)
			.execute()
	);
}

export async function findItemById(db: Db, id: number): Promise<PlanItem | null> {
	const r = await items(db).where('ci.id', '=', id).executeTakeFirst();
	return r ? toItem(r) : null;
}

export interface ItemEdit {
	action: string;
	dueOn: string | null;
	responsible: string | null;
}

export async function updateItemPlan(db: Db, id: number, e: ItemEdit, now: Date): Promise<void> {
	await db
		.updateTable('coaching_item')
		.set({ action: e.action, due_on: e.dueOn, responsible: e.responsible, updated_at: now.getTime() })
		.where('id', '=', id)
		.execute();
}

export async function updateItemStatus(
	db: Db,
	id: number,
	status: ItemStatus,
	verifiedBy: number | null,
	now: Date
): Promise<void> {
	await db
		.updateTable('coaching_item')
		.set({
			status,
			verified_by: verifiedBy,
			verified_at: verifiedBy === null ? null : now.getTime(),
			updated_at: now.getTime()
		})
		.where('id', '=', id)
		.execute();
}

export interface UnitActiveItem extends PlanItem {
	unitCode: string;
	unitName: string;
	periodCode: string;
	planStatus: PlanStatus;
}

/** Items of active plans of the given units, earliest due first (the unit head's home). */
export async function listActiveItemsOfUnits(db: Db, unitIds: number[]): Promise<UnitActiveItem[]> {
	if (!unitIds.length) return [];
	const rows = await items(db)
		.innerJoin('coaching_plan as cp', 'cp.id', 'ci.plan_id')
		.innerJoin('unit', 'unit.id', 'cp.unit_id')
		.innerJoin('period', 'period.id', 'cp.period_id')
		.select([
			'unit.code as unitCode',
			'unit.name as unitName',
			'period.code as periodCode',
			'cp.status as planStatus'
		])
		.where('cp.unit_id', 'in', unitIds)
		.where('cp.status', '=', 'active')
		.orderBy('ci.due_on')
		.orderBy('ci.position')
		.execute();
	return rows.map(({ unitCode, unitName, periodCode, planStatus, ...r }) => ({
		...toItem(r),
		unitCode,
		unitName,
		periodCode,
		planStatus
	}));
}
