import { join } from 'node:path';
import type { TestDb } from '../support/test-db';
import { dbWithPeriod, EXAMPLES, importScores } from '../results/support';

export { NOW } from '../results/support';

/** The worked example (5 units, one open flag: PKM-C indicator 6) and an administrator. */
export async function exampleWithAdmin(): Promise<{ t: TestDb; adminId: number }> {
	const t = await dbWithPeriod(join(EXAMPLES, 'units.csv'), 'permenpan-17-2017');
	const r = await importScores(t, join(EXAMPLES, 'scores.csv'));
	if (!r.ok) throw new Error(r.problems.join('\n'));
	return { t, adminId: await insertAdmin(t) };
}

/** An administrator account without a password, for services that record who acted. */
export async function insertAdmin(t: TestDb, email = 'admin@kota.go.id'): Promise<number> {
	const admin = await t.db
		.insertInto('user')
		.values({ email, name: 'Sri Admin', role: 'admin', password_hash: null, created_at: 0, updated_at: 0 })
		.returning('id')
		.executeTakeFirstOrThrow();
	return admin.id;
}

/** Simulates a correction of PKM-C's sheets after publication (every aspect sum lowered). */
export async function lowerScoresOf(t: TestDb, unitCode: string): Promise<void> {
	const sheets = await t.db
		.selectFrom('score_sheet')
		.innerJoin('visit', 'visit.id', 'score_sheet.visit_id')
		.innerJoin('unit', 'unit.id', 'visit.unit_id')
		.select('score_sheet.id')
		.where('unit.code', '=', unitCode)
		.execute();
	await t.db
		.updateTable('sheet_aspect_sum')
		.set((eb) => ({ weighted_sum: eb('weighted_sum', '*', 0.5) }))
		.where(
			'sheet_id',
			'in',
			sheets.map((s) => s.id)
		)
		.execute();
	await t.db.deleteFrom('period_result_cache').execute();
}
