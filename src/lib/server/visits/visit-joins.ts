import type { JoinBuilder } from 'kysely';
import type { Database } from '../db/schema';
import type { Db } from '../db/connection';

// A period's regular visits are the ones its numbers, schedule and progress read: follow-up and
// calibration visits are kept apart (docs/rules.md §5). Readers start from these two builders.

/** The regular visits of a period. */
export function regularVisitsOf(db: Db, periodId: number) {
	return db.selectFrom('visit').where('visit.period_id', '=', periodId).where('visit.kind', '=', 'regular');
}

/** The team members of a period's regular visits: `visit_assessor` with its visit and its user. */
export function regularTeamsOf(db: Db, periodId: number) {
	return db
		.selectFrom('visit_assessor')
		.innerJoin('visit', 'visit.id', 'visit_assessor.visit_id')
		.innerJoin('user', 'user.id', 'visit_assessor.user_id')
		.where('visit.period_id', '=', periodId)
		.where('visit.kind', '=', 'regular');
}

// Join conditions every visit reader repeats. A unit's category is kept per period (period_unit),
// so a visit finds its category through its own period and unit, never through the unit alone.
// Kysely cannot check column names against a table set that is still generic (TB), so each
// condition is written against the two tables it names and handed back as the caller's builder.

type On<TB extends keyof Database> = JoinBuilder<Database, TB>;

/** `period_unit` row of the visit's unit in the visit's period. */
export function onPeriodUnitOfVisit<TB extends keyof Database>(j: On<TB | 'visit' | 'period_unit'>) {
	const on = (j as unknown as On<'visit' | 'period_unit'>)
		.onRef('period_unit.period_id', '=', 'visit.period_id')
		.onRef('period_unit.unit_id', '=', 'visit.unit_id');
	return on as unknown as typeof j;
}

/** `score_sheet` of the team member in `visit_assessor` (blind scoring: each assessor's own sheet). */
export function onSheetOfVisitAssessor<TB extends keyof Database>(
	j: On<TB | 'visit_assessor' | 'score_sheet'>
) {
	const on = (j as unknown as On<'visit_assessor' | 'score_sheet'>)
		.onRef('score_sheet.visit_id', '=', 'visit_assessor.visit_id')
		.onRef('score_sheet.assessor_id', '=', 'visit_assessor.user_id');
	return on as unknown as typeof j;
}
