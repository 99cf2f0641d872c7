import type { Db } from '../db/connection';
import type { PlanStatus } from '../../domain/coaching/states';
import { readInSlices } from '../db/slices';

// Coaching plans (docs/rules.md §5): one per period and unit (unique), so drafting twice never duplicates.

export interface NewPlan {
	periodId: number;
	unitId: number;
	reason: string;
}

/** Inserts the plan unless the unit already has one in the period; returns the new id or null. */
export async function insertPlanIfAbsent(db: Db, p: NewPlan, now: Date): Promise<number | null> {
	const row = await db
		.insertInto('coaching_plan')
		.values({
			period_id: p.periodId,
			unit_id: p.unitId,
			reason: p.reason,
			created_at: now.getTime(),
			updated_at: now.getTime()
		})
		.onConflict((oc) => oc.columns(['period_id', 'unit_id']).doNothing())
		.returning('id')
		.executeTakeFirst();
	return row?.id ?? null;
}

export interface PlanSummary {
	id: number;
	periodCode: string;
	periodName: string;
	unitId: number;
	unitCode: string;
	unitName: string;
	category: string;
	status: PlanStatus;
	reason: string;
	mentorId: number | null;
	mentorName: string | null;
	createdAt: Date;
}

/**
 * Plans with their unit's category in the plan's period, narrowed by the filter. Period and
 * category are matched by subquery, not joined: the counts per category group 200,000 items of a
 * national period, and each join on every row doubled their time.
 */
export function plansIn(db: Db, f: PlanFilter = {}) {
	let q = db
		.selectFrom('coaching_plan as cp')
		.innerJoin('period_unit', (j) =>
			j.onRef('period_unit.period_id', '=', 'cp.period_id').onRef('period_unit.unit_id', '=', 'cp.unit_id')
		);
	if (f.status) q = q.where('cp.status', '=', f.status);
	if (f.periodCode) {
		const code = f.periodCode;
		q = q.where('cp.period_id', 'in', (eb) => eb.selectFrom('period').select('id').where('code', '=', code));
	}
	if (f.category) {
		const name = f.category;
		q = q.where('period_unit.category_id', 'in', (eb) =>
			eb.selectFrom('category').select('id').where('name', '=', name)
		);
	}
	if (f.hideDrafts) q = q.where('cp.status', '!=', 'draft');
	if (f.unitIds) q = q.where('cp.unit_id', 'in', f.unitIds.length ? f.unitIds : [-1]);
	return q;
}

function plans(db: Db, f: PlanFilter = {}) {
	return plansIn(db, f)
		.innerJoin('period', 'period.id', 'cp.period_id')
		.innerJoin('unit', 'unit.id', 'cp.unit_id')
		.innerJoin('category', 'category.id', 'period_unit.category_id')
		.leftJoin('user as mentor', 'mentor.id', 'cp.mentor_id')
		.select([
			'cp.id',
			'period.code as periodCode',
			'period.name as periodName',
			'unit.id as unitId',
			'unit.code as unitCode',
			'unit.name as unitName',
			'category.name as category',
			'cp.status',
			'cp.reason',
			'cp.mentor_id as mentorId',
			'mentor.name as mentorName',
			'cp.created_at'
		]);
}

type PlanRow = Omit<PlanSummary, 'createdAt'> & { created_at: number };
const toPlan = ({ created_at, ...r }: PlanRow): PlanSummary => ({ ...r, createdAt: new Date(created_at) });

export async function findPlanById(db: Db, id: number): Promise<PlanSummary | null> {
	const r = await plans(db).where('cp.id', '=', id).executeTakeFirst();
	return r ? toPlan(r) : null;
}

export async function findPlanOfUnit(db: Db, periodId: number, unitId: number): Promise<PlanSummary | null> {
	const r = await plans(db)
		.where('cp.period_id', '=', periodId)
		.where('cp.unit_id', '=', unitId)
		.executeTakeFirst();
	return r ? toPlan(r) : null;
}

export interface PlanFilter {
	status?: PlanStatus;
	periodCode?: string;
	/** the unit's category in the plan's period, by name */
	category?: string;
	/** leaves drafts out (a draft is the office's working copy) */
	hideDrafts?: boolean;
	/** Restricts to these units (a unit head's own); undefined means all. */
	unitIds?: number[];
}

/** The plans of the filter, newest period first, then category order and unit name; a page of them when asked. */
export async function listPlans(
	db: Db,
	f: PlanFilter,
	page?: { limit: number; offset: number }
): Promise<PlanSummary[]> {
	let q = plans(db, f)
		.orderBy('period.starts_on', 'desc')
		.orderBy('category.position')
		.orderBy('unit.name')
		.orderBy('cp.id');
	if (page) q = q.limit(page.limit).offset(page.offset);
	return (await q.execute()).map(toPlan);
}

export async function countPlans(db: Db, f: PlanFilter): Promise<number> {
	const { n } = await plansIn(db, f)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(n);
}

/** The codes of the periods that have plans of the filter, newest first. */
export async function listPlanPeriodCodes(db: Db, f: PlanFilter): Promise<string[]> {
	const rows = await plansIn(db, f)
		.innerJoin('period', 'period.id', 'cp.period_id')
		.select(['period.code', 'period.starts_on'])
		.distinct()
		.orderBy('period.starts_on', 'desc')
		.execute();
	return rows.map((r) => r.code);
}

export async function updatePlanStatus(db: Db, id: number, status: PlanStatus, now: Date): Promise<void> {
	await db
		.updateTable('coaching_plan')
		.set({ status, updated_at: now.getTime() })
		.where('id', '=', id)
		.execute();
}

export async function updatePlanMentor(
	db: Db,
	id: number,
	mentorId: number | null,
	now: Date
): Promise<void> {
	await db
		.updateTable('coaching_plan')
		.set({ mentor_id: mentorId, updated_at: now.getTime() })
		.where('id', '=', id)
		.execute();
}

export async function listAdminUsers(db: Db): Promise<{ id: number; name: string }[]> {
	return db
		.selectFrom('user')
		.select(['id', 'name'])
		.where('role', '=', 'admin')
		.where('active', '=', 1)
		.orderBy('name')
		.execute();
}

export async function listHeadNamesOfUnits(db: Db, unitIds: number[]): Promise<Map<number, string[]>> {
	const out = new Map<number, string[]>();
	if (!unitIds.length) return out;
	// Each unit's heads by name: all of a unit's rows come in one slice.
	const rows = await readInSlices(unitIds, (slice) =>
		db
			.selectFrom('unit_head')
			.innerJoin('user', 'user.id', 'unit_head.user_id')
			.select(['unit_head.unit_id', 'user.name'])
			.where('unit_head.unit_id', 'in', slice)
			.orderBy('user.name')
			.execute()
	);
	for (const r of rows) out.set(r.unit_id, [...(out.get(r.unit_id) ?? []), r.name]);
	return out;
}
