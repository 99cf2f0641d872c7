import type { Db } from '../db/connection';

/** Draft score sheets of a period not touched since `before` (epoch ms). */
export async function countStaleDrafts(db: Db, periodId: number, before: number): Promise<number> {
	const row = await db
		.selectFrom('score_sheet')
		.innerJoin('visit', 'visit.id', 'score_sheet.visit_id')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('visit.period_id', '=', periodId)
		.where('score_sheet.status', '=', 'draft')
		.where('score_sheet.updated_at', '<', before)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
