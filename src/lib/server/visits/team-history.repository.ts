import type { Db } from '../db/connection';
import type { AssessorProfile } from '../../domain/planning';
import { regularTeamsOf } from './visit-joins';

// Reads for the planner's team wishes (docs/rules.md §8.7): who is a lecturer or a student and from where,
// and who visited which unit in the period before.

export async function listAssessorProfiles(db: Db): Promise<Map<number, AssessorProfile>> {
	const rows = await db
		.selectFrom('user')
		.select(['id', 'affiliation_type', 'affiliation_name'])
		.where('role', '=', 'assessor')
		.execute();
	return new Map(
		rows.map((r) => [
			r.id,
			{
				kind:
					r.affiliation_type === 'university'
						? 'lecturer'
						: r.affiliation_type === 'student_board'
							? 'student'
							: null,
				institution: r.affiliation_name
			}
		])
	);
}

/** Assessor–unit pairs of the regular visits of the latest period that started before this one. */
export async function listPreviousPeriodPairs(
	db: Db,
	period: { id: number; startsOn: string }
): Promise<{ assessorId: number; unitId: number }[]> {
	const previous = await db
		.selectFrom('period')
		.select('id')
		.where('id', '!=', period.id)
		.where('starts_on', '<', period.startsOn)
		.orderBy('starts_on', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (!previous) return [];
	return regularTeamsOf(db, previous.id)
		.select(['visit_assessor.user_id as assessorId', 'visit.unit_id as unitId'])
		.execute();
}
