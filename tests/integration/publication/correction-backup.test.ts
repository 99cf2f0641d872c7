import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../support/test-db';
import { removeTempFiles } from '../results/support';
import { exampleWithAdmin, NOW, publishExample, sheetOf } from './support';
import { abandonCorrection, openCorrection } from '../../../src/lib/server/corrections/correction.service';
import { loadResultsJson } from '../../../src/lib/server/results/results.service';
import { migrateToLatest, shippedMigrations } from '../../../src/lib/server/db/migrate';

// docs/rules.md §8.3: opening a correction copies the period's regular visits, teams and sheets
// into the correction_* tables (db/migrations/20261202_0900_correction_backup_rows.ts); abandoning
// it copies them back, and closing it drops the copy.
let t: TestDb;
afterEach(async () => t?.cleanup());
afterAll(removeTempFiles);

const LATER = new Date(NOW.getTime() + 86_400_000 * 10);
const BACKUP_TABLES = [
	'correction_visit',
	'correction_visit_assessor',
	'correction_sheet',
	'correction_score',
	'correction_sheet_aspect_sum',
	'correction_evidence'
] as const;

async function backupRows() {
	const out: Record<string, unknown[]> = {};
	for (const table of BACKUP_TABLES)
		out[table] = (await (t.db as any).selectFrom(table).selectAll().execute()).sort((a: any, b: any) =>
			JSON.stringify(a).localeCompare(JSON.stringify(b))
		);
	return out;
}

async function open(adminId: number) {
	expect(
		await openCorrection(t.db, { periodCode: 'P1', userId: adminId, reason: 'Periksa keberatan unit' }, LATER)
	).toMatchObject({ ok: true });
}

async function abandon(adminId: number) {
	expect(
		await abandonCorrection(t.db, { periodCode: 'P1', userId: adminId, reason: 'Keberatan ditolak' }, LATER)
	).toMatchObject({ ok: true });
}

async function addEvidence(sheetId: number, uploadedBy: number, id?: number) {
	const file = await t.db
		.insertInto('stored_file')
		.values({
			sha256: `${sheetId}-${id ?? 'x'}-${Math.random()}`,
			mime: 'image/png',
			size: 10,
			created_at: 0
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const row = await t.db
		.insertInto('evidence')
		.values({
			...(id === undefined ? {} : { id }),
			sheet_id: sheetId,
			indicator_id: 1,
			file_id: file.id,
			original_name: 'foto.png',
			uploaded_by: uploadedBy,
			created_at: 0
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** A follow-up visit of PKM-A in P1 with one sheet under the given id (outside every result). */
async function followUpSheet(id: number, assessorId: number) {
	const regular = await sheetOf(t, 'PKM-A', 1);
	const visit = await t.db
		.selectFrom('visit')
		.selectAll()
		.where('id', '=', regular.visit_id)
		.executeTakeFirstOrThrow();
	const followUp = await t.db
		.insertInto('visit')
		.values({
			period_id: visit.period_id,
			unit_id: visit.unit_id,
			visit_no: 1,
			kind: 'follow_up',
			created_at: 0
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await t.db
		.insertInto('score_sheet')
		.values({ id, visit_id: followUp.id, assessor_id: assessorId, created_at: 0, updated_at: 0 })
		.execute();
}

describe('the copy of the published sheets kept by a correction', () => {
	it('holds every regular visit, team member, sheet, score and sum of the period, and goes when the correction closes', async () => {
		const ex = await exampleWithAdmin();
		t = ex.t;
		await publishExample(t, ex.adminId);
		await open(ex.adminId);
		const kept = await backupRows();
		const count = async (table: 'visit' | 'visit_assessor' | 'score_sheet' | 'score' | 'sheet_aspect_sum') =>
			Number(
				(
					await t.db
						.selectFrom(table)
						.select((eb) => eb.fn.countAll().as('n'))
						.executeTakeFirstOrThrow()
				).n
			);
		expect(kept.correction_visit).toHaveLength(await count('visit'));
		expect(kept.correction_visit_assessor).toHaveLength(await count('visit_assessor'));
		expect(kept.correction_sheet).toHaveLength(await count('score_sheet'));
		expect(kept.correction_score).toHaveLength(await count('score'));
		expect(kept.correction_sheet_aspect_sum).toHaveLength(await count('sheet_aspect_sum'));
		expect(kept.correction_score.length).toBeGreaterThan(100);

		await abandon(ex.adminId);
		for (const rows of Object.values(await backupRows())) expect(rows).toEqual([]);
	});

	it('puts every column of every row back as it was, so a column the copy leaves out shows here', async () => {
		const ex = await exampleWithAdmin();
		t = ex.t;
		await publishExample(t, ex.adminId);
		const sheet = await sheetOf(t, 'PKM-A', 1);
		await addEvidence(sheet.id, ex.adminId);
		await t.db.updateTable('visit').set({ planned_on: '2026-10-01' }).execute();
		const LIVE = ['visit', 'visit_assessor', 'score_sheet', 'score', 'sheet_aspect_sum', 'evidence'] as const;
		const everything = async () => {
			const out: Record<string, unknown[]> = {};
			for (const table of LIVE)
				out[table] = (await (t.db as any).selectFrom(table).selectAll().execute()).sort((a: any, b: any) =>
					JSON.stringify(a).localeCompare(JSON.stringify(b))
				);
			return out;
		};
		const before = await everything();
		await open(ex.adminId);

		// Every column changed behind the copy's back, as no user could, then the correction abandoned.
		await t.db.updateTable('visit').set({ planned_on: '2026-12-24', created_at: 1 }).execute();
		await t.db
			.updateTable('score_sheet')
			.set({
				status: 'draft',
				version: 9,
				source: 'import',
				submitted_at: null,
				created_at: 1,
				updated_at: 1
			})
			.execute();
		await t.db.updateTable('score').set({ score: 0, note: 'diubah' }).execute();
		await t.db.updateTable('sheet_aspect_sum').set({ weighted_sum: 0 }).execute();
		await t.db.updateTable('evidence').set({ original_name: 'lain.png', created_at: 1 }).execute();
		await t.db.deleteFrom('visit_assessor').execute();
		await abandon(ex.adminId);
		expect(await everything()).toEqual(before);
	});

	it('brings back a sheet and an evidence row whose ids were taken meanwhile under new ids, leaving the rows that took them', async () => {
		const ex = await exampleWithAdmin();
		t = ex.t;
		const first = await publishExample(t, ex.adminId);
		const displaced = await sheetOf(t, 'PKM-B', 2);
		const kept = await sheetOf(t, 'PKM-C', 1);
		const assessor = await t.db
			.selectFrom('score_sheet')
			.select('assessor_id')
			.where('id', '=', displaced.id)
			.executeTakeFirstOrThrow();
		const evidenceOfKept = await addEvidence(kept.id, assessor.assessor_id);
		await addEvidence(displaced.id, assessor.assessor_id);
		const scoresOf = (sheetId: number) =>
			t.db
				.selectFrom('score')
				.select(['indicator_id', 'score', 'note'])
				.where('sheet_id', '=', sheetId)
				.orderBy('indicator_id')
				.execute();
		const scoresBefore = await scoresOf(displaced.id);
		await open(ex.adminId);

		// Inside the correction the two rows go, and rows elsewhere take their ids (SQLite reuses ids).
		await t.db.deleteFrom('score_sheet').where('id', '=', displaced.id).execute();
		await t.db.deleteFrom('evidence').where('id', '=', evidenceOfKept).execute();
		await followUpSheet(displaced.id, assessor.assessor_id);
		await addEvidence(displaced.id, assessor.assessor_id, evidenceOfKept);
		await abandon(ex.adminId);

		expect((await loadResultsJson(t.db, 'P1', LATER))!.json).toBe(first.snapshot);
		const back = await sheetOf(t, 'PKM-B', 2);
		expect(back.id).not.toBe(displaced.id);
		expect(await scoresOf(back.id)).toEqual(scoresBefore);
		const evidence = await t.db.selectFrom('evidence').select(['id', 'sheet_id']).orderBy('id').execute();
		expect(evidence.filter((e) => e.sheet_id === kept.id)).toHaveLength(1);
		expect(evidence.filter((e) => e.sheet_id === kept.id)[0].id).not.toBe(evidenceOfKept);
		expect(evidence.filter((e) => e.sheet_id === back.id)).toHaveLength(1);
		// The rows that took the ids are untouched.
		expect(evidence).toContainEqual({ id: evidenceOfKept, sheet_id: displaced.id });
		const followUp = await t.db
			.selectFrom('score_sheet as s')
			.innerJoin('visit as v', 'v.id', 's.visit_id')
			.select(['s.id', 'v.kind'])
			.where('s.id', '=', displaced.id)
			.executeTakeFirstOrThrow();
		expect(followUp).toEqual({ id: displaced.id, kind: 'follow_up' });
	});

	it('moves the JSON copy of a correction opened before the upgrade into the tables', async () => {
		const ex = await exampleWithAdmin();
		t = ex.t;
		const first = await publishExample(t, ex.adminId);
		await open(ex.adminId);
		const kept = await backupRows();
		const correction = await t.db.selectFrom('period_correction').select('id').executeTakeFirstOrThrow();

		// The database as the previous release left it: the copy as one JSON document.
		const strip = (rows: unknown[]) => rows.map(({ correction_id: _, ...r }: any) => r);
		const document = {
			visits: strip(kept.correction_visit),
			team: strip(kept.correction_visit_assessor),
			sheets: strip(kept.correction_sheet),
			scores: strip(kept.correction_score),
			sums: strip(kept.correction_sheet_aspect_sum),
			evidence: strip(kept.correction_evidence)
		};
		const db = t.db as any;
		// The migrations after it undone, newest first (the migrator applies pending migrations
		// only after every applied one).
		for (const later of Object.keys(shippedMigrations)
			.filter((name) => name > '20261202_0900_correction_backup_rows')
			.reverse()) {
			await shippedMigrations[later].down!(db);
			await db.deleteFrom('kysely_migration').where('name', '=', later).execute();
		}
		for (const table of [...BACKUP_TABLES].reverse()) await db.schema.dropTable(table).execute();
		await db.schema
			.alterTable('period_correction')
			.addColumn('backup', 'text', (c: any) => c.notNull().defaultTo('{}'))
			.execute();
		await db
			.updateTable('period_correction')
			.set({ backup: JSON.stringify(document) })
			.where('id', '=', correction.id)
			.execute();
		await db
			.deleteFrom('kysely_migration')
			.where('name', '=', '20261202_0900_correction_backup_rows')
			.execute();

		await migrateToLatest(t.db);
		expect(await backupRows()).toEqual(kept);
		await expect(db.selectFrom('period_correction').select('backup').execute()).rejects.toThrow();
		await t.db.deleteFrom('score_sheet').execute();
		await abandon(ex.adminId);
		expect((await loadResultsJson(t.db, 'P1', LATER))!.json).toBe(first.snapshot);
	});
});
