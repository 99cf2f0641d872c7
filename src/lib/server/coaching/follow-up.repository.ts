import type { Db } from '../db/connection';

// Follow-up visits (kunjungan tindak lanjut, docs/rules.md §5): kind 'follow_up', tied to a plan; they
// re-score only the plan's indicators and never enter the period's IPP.

export interface FollowUpVisit {
	id: number;
	visitNo: number;
	plannedOn: string | null;
	assessorNames: string[];
	submittedSheets: number;
}

export async function listFollowUpVisits(db: Db, planId: number): Promise<FollowUpVisit[]> {
	const rows = await db
		.selectFrom('visit')
		.leftJoin('visit_assessor', 'visit_assessor.visit_id', 'visit.id')
		.leftJoin('user', 'user.id', 'visit_assessor.user_id')
		.select(['visit.id', 'visit.visit_no', 'visit.planned_on', 'user.name'])
		.select((eb) =>
			eb
				.selectFrom('score_sheet')
				.whereRef('score_sheet.visit_id', '=', 'visit.id')
				.where('score_sheet.status', '=', 'submitted')
				.select(eb.fn.countAll<number>().as('n'))
				.as('submitted')
		)
		.where('visit.coaching_plan_id', '=', planId)
		.where('visit.kind', '=', 'follow_up')
		.orderBy('visit.visit_no')
		.execute();
	const out = new Map<number, FollowUpVisit>();
	for (const r of rows) {
		const v = out.get(r.id) ?? {
			id: r.id,
			visitNo: r.visit_no,
			plannedOn: r.planned_on,
			assessorNames: [],
			submittedSheets: Number(r.submitted ?? 0)
		};
		if (r.name) v.assessorNames.push(r.name);
		out.set(r.id, v);
	}
	return [...out.values()];
}

export async function nextFollowUpVisitNo(db: Db, periodId: number, unitId: number): Promise<number> {
	const r = await db
		.selectFrom('visit')
		.select((eb) => eb.fn.max('visit_no').as('n'))
		.where('period_id', '=', periodId)
		.where('unit_id', '=', unitId)
		.where('kind', '=', 'follow_up')
		.executeTakeFirst();
	return Number(r?.n ?? 0) + 1;
}

export interface FollowUpScore {
	indicatorId: number;
	visitNo: number;
	sheetId: number;
	score: number;
}

/** Submitted follow-up scores of a plan, for the before/after display. */
export async function listFollowUpScores(db: Db, planId: number): Promise<FollowUpScore[]> {
	const rows = await db
		.selectFrom('score')
		.innerJoin('score_sheet', 'score_sheet.id', 'score.sheet_id')
		.innerJoin('visit', 'visit.id', 'score_sheet.visit_id')
		.select(['score.indicator_id', 'visit.visit_no', 'score_sheet.id as sheetId', 'score.score'])
		.where('visit.coaching_plan_id', '=', planId)
		.where('visit.kind', '=', 'follow_up')
		.where('score_sheet.status', '=', 'submitted')
		.where('score.score', 'is not', null)
		.execute();
	return rows.map((r) => ({
		indicatorId: r.indicator_id,
		visitNo: r.visit_no,
		sheetId: r.sheetId,
		score: r.score as number
	}));
}

export async function listAssessors(db: Db): Promise<{ id: number; name: string }[]> {
	return db
		.selectFrom('user')
		.select(['id', 'name'])
		.where('role', '=', 'assessor')
		.where('active', '=', 1)
		.orderBy('name')
		.execute();
}
