import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestDb } from '../support/test-db';
import { dbWithPeriod, EXAMPLES, importScores, NOW, tempFile } from '../results/support';
import { publishPeriod } from '../../../src/lib/server/publication/publication.service';
import { refreshVisitTotals } from '../../../src/lib/server/sheets/visit-total.repository';

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
		.select(['score_sheet.id', 'score_sheet.visit_id'])
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
	// The sums changed behind the application's back: its per-visit totals follow, as after any write.
	await refreshVisitTotals(
		t.db,
		sheets.map((s) => s.visit_id)
	);
	await t.db.deleteFrom('period_result_cache').execute();
}

const rows = readFileSync(join(EXAMPLES, 'scores.csv'), 'utf8').trim().split('\n');
const HEADER = rows[0];

/** KEL-A's missing second visit: the first visit's scores, by budi. */
export const missingVisit = () =>
	tempFile(
		'kel-a-2.csv',
		[
			HEADER,
			...rows
				.filter((r) => r.startsWith('KEL-A,1,'))
				.map((r) => r.replace(/^KEL-A,1,[^,]+,/, 'KEL-A,2,budi@univ-b.ac.id,'))
		].join('\n')
	);
/** PKM-C's first sheet rescored with ones everywhere (a typing error corrected). */
export const lowerPkmC = () =>
	tempFile(
		'pkm-c-1.csv',
		[
			HEADER,
			...rows
				.filter((r) => r.startsWith('PKM-C,1,'))
				.map((r) => r.split(','))
				.map(([u, v, a, code]) => [u, v, a, code, '1', ''].join(','))
		].join('\n')
	);

/** Publishes the worked example's period P1 as revision 1 (KEL-A incomplete, PKM-C's flag open). */
export async function publishExample(t: TestDb, adminId: number) {
	const r = await publishPeriod(
		t.db,
		{ periodCode: 'P1', userId: adminId, confirm: ['incomplete', 'flags'], reason: 'Rapat pleno' },
		NOW
	);
	if (!r.ok) throw new Error(r.message);
	return r.value;
}

/** Publishes P1's open correction as the next revision, every provisional class confirmed. */
export function publishExampleRevision(t: TestDb, adminId: number, reason: string, now: Date) {
	return publishPeriod(
		t.db,
		{
			periodCode: 'P1',
			userId: adminId,
			confirm: ['incomplete', 'drafts', 'flags'],
			reason,
			newRevision: true
		},
		now
	);
}

/** The (first) sheet of a unit's visit, with its visit. */
export const sheetOf = async (t: TestDb, unit: string, visitNo: number) =>
	t.db
		.selectFrom('score_sheet as s')
		.innerJoin('visit as v', 'v.id', 's.visit_id')
		.innerJoin('unit as u', 'u.id', 'v.unit_id')
		.select(['s.id', 's.visit_id'])
		.where('u.code', '=', unit)
		.where('v.visit_no', '=', visitNo)
		.executeTakeFirstOrThrow();
