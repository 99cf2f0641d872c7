import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../db/connection';
import type { Database } from '../db/schema';
import { onPeriodUnitOfVisit, onSheetOfVisitAssessor } from './visit-joins';
import type { PeriodStatus } from '../../domain/period-status';

export type SheetState = 'not_started' | 'draft' | 'submitted';
export type VisitKind = 'regular' | 'follow_up' | 'calibration';

/** A visit as the pages name it: period, unit, category, number, kind and planned date. */
export interface VisitHeading {
	visitId: number;
	periodCode: string;
	periodName: string;
	periodStatus: PeriodStatus;
	unitCode: string;
	unitName: string;
	category: string;
	visitNo: number;
	kind: VisitKind;
	plannedOn: string | null;
	/** A correction of the published period is open: its reopened sheets can be scored (docs/rules.md §8.3). */
	correctionOpen: boolean;
}

export interface AssignedVisit extends VisitHeading {
	sheetState: SheetState;
	/** scored indicators on the assessor's own sheet, and how many the instrument requires */
	scored: number;
	required: number;
}

/** The columns of a VisitHeading (joined: period, unit, category), apart from correctionOpen. */
const VISIT_HEADING_COLUMNS = [
	'visit.id as visitId',
	'period.code as periodCode',
	'period.name as periodName',
	'period.status as periodStatus',
	'unit.code as unitCode',
	'unit.name as unitName',
	'category.name as category',
	'visit.visit_no as visitNo',
	'visit.kind',
	'visit.planned_on as plannedOn'
] as const;

/** How many corrections of the visit's period are open (0 or 1: one at most per period). */
function openCorrectionCount(eb: ExpressionBuilder<Database, 'visit'>) {
	return eb
		.selectFrom('period_correction')
		.whereRef('period_correction.period_id', '=', 'visit.period_id')
		.where('period_correction.status', '=', 'open')
		.select(eb.fn.countAll<number>().as('n'));
}

/** The visits an assessor is on, with the state of their own sheet only (blind scoring). */
export async function listVisitsOfAssessor(db: Db, userId: number): Promise<AssignedVisit[]> {
	const rows = await db
		.selectFrom('visit_assessor')
		.innerJoin('visit', 'visit.id', 'visit_assessor.visit_id')
		.innerJoin('period', 'period.id', 'visit.period_id')
		.innerJoin('unit', 'unit.id', 'visit.unit_id')
		.innerJoin('period_unit', onPeriodUnitOfVisit)
		.innerJoin('category', 'category.id', 'period_unit.category_id')
		.leftJoin('score_sheet', onSheetOfVisitAssessor)
		.select([
			...VISIT_HEADING_COLUMNS,
			'score_sheet.status as sheetStatus',
			(eb) => openCorrectionCount(eb).as('openCorrections'),
			(eb) =>
				eb
					.selectFrom('score')
					.whereRef('score.sheet_id', '=', 'score_sheet.id')
					.where('score.score', 'is not', null)
					.select(eb.fn.countAll<number>().as('n'))
					.as('scored'),
			// A follow-up sheet holds only its plan's indicators (docs/rules.md §8.4).
			(eb) =>
				eb
					.case()
					.when('visit.kind', '=', 'follow_up')
					.then(
						eb
							.selectFrom('coaching_item')
							.whereRef('coaching_item.plan_id', '=', 'visit.coaching_plan_id')
							.select(eb.fn.countAll<number>().as('n'))
					)
					.else(
						eb
							.selectFrom('indicator')
							.innerJoin('aspect', 'aspect.id', 'indicator.aspect_id')
							.whereRef('indicator.instrument_id', '=', 'period.instrument_id')
							.where('indicator.weight', '>', 0)
							.where('aspect.weight', '>', 0)
							.select(eb.fn.countAll<number>().as('n'))
					)
					.end()
					.as('required')
		])
		.where('visit_assessor.user_id', '=', userId)
		.where('period.status', 'in', ['running', 'review', 'draft', 'published'])
		.orderBy('visit.planned_on')
		.orderBy('unit.name')
		.execute();
	return rows.map((r) => ({
		visitId: r.visitId,
		periodCode: r.periodCode,
		periodName: r.periodName,
		unitCode: r.unitCode,
		unitName: r.unitName,
		category: r.category,
		visitNo: r.visitNo,
		kind: r.kind,
		plannedOn: r.plannedOn,
		sheetState: r.sheetStatus ?? 'not_started',
		periodStatus: r.periodStatus,
		correctionOpen: Number(r.openCorrections ?? 0) > 0,
		scored: Number(r.scored ?? 0),
		required: Number(r.required ?? 0)
	}));
}

export interface NewVisit {
	periodId: number;
	unitId: number;
	visitNo: number;
	plannedOn: string | null;
	kind?: VisitKind;
	coachingPlanId?: number | null;
}

export async function insertVisit(db: Db, v: NewVisit, now: Date): Promise<number> {
	const { id } = await db
		.insertInto('visit')
		.values({
			period_id: v.periodId,
			unit_id: v.unitId,
			visit_no: v.visitNo,
			planned_on: v.plannedOn,
			kind: v.kind ?? 'regular',
			coaching_plan_id: v.coachingPlanId ?? null,
			created_at: now.getTime()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

export async function addVisitAssessor(db: Db, visitId: number, userId: number): Promise<void> {
	await db
		.insertInto('visit_assessor')
		.values({ visit_id: visitId, user_id: userId })
		.onConflict((oc) => oc.doNothing())
		.execute();
}

export interface VisitContext extends VisitHeading {
	periodId: number;
	instrumentId: number;
	unitId: number;
	/** Follow-up visits: the coaching plan whose indicators the sheet re-scores (docs/rules.md §8.4). */
	coachingPlanId: number | null;
}

export async function findVisitContext(db: Db, visitId: number): Promise<VisitContext | null> {
	const r = await db
		.selectFrom('visit')
		.innerJoin('period', 'period.id', 'visit.period_id')
		.innerJoin('unit', 'unit.id', 'visit.unit_id')
		.leftJoin('period_unit', onPeriodUnitOfVisit)
		.leftJoin('category', 'category.id', 'period_unit.category_id')
		.select([
			...VISIT_HEADING_COLUMNS,
			'period.id as periodId',
			'period.instrument_id as instrumentId',
			'unit.id as unitId',
			'visit.coaching_plan_id as coachingPlanId',
			(eb) => openCorrectionCount(eb).as('openCorrections')
		])
		.where('visit.id', '=', visitId)
		.executeTakeFirst();
	if (!r) return null;
	const { openCorrections, ...rest } = r;
	return { ...rest, category: r.category ?? '', correctionOpen: Number(openCorrections ?? 0) > 0 };
}

export async function isAssessorOfVisit(db: Db, visitId: number, userId: number): Promise<boolean> {
	const r = await db
		.selectFrom('visit_assessor')
		.select('user_id')
		.where('visit_id', '=', visitId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return r !== undefined;
}
