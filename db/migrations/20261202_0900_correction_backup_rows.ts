import { sql, type Kysely } from 'kysely';

// docs/rules.md §8.3: while a correction is open, what the period published is kept so that
// abandoning it puts every sheet back and readers keep the published revision. That copy was one
// JSON document in `period_correction.backup`; a national period's (README, "Benchmark": 11.8
// million scores) is larger than the longest string the server can build, so it moves into
// tables of its own, row for row, each row tagged with its correction. The copies carry no
// foreign keys to the live tables: a backed-up sheet outlives the live sheet it copies.
// Open corrections' documents move into the tables; closed ones held '{}'. The tables read by a
// second index keep their rowid: without one, SQLite (which has no statistics here) prefers a
// range of the primary key over the index.
// Frozen in time: never edit once landed.

const INSERT_SLICE = 400;

type Rows = Record<string, unknown>[];

interface StoredBackup {
	visits?: Rows;
	team?: Rows;
	sheets?: Rows;
	scores?: Rows;
	sums?: Rows;
	evidence?: Rows;
}

/** Backup tables, each with the live table it copies and the document key that held its rows. */
const TABLES = [
	['correction_visit', 'visits'],
	['correction_visit_assessor', 'team'],
	['correction_sheet', 'sheets'],
	['correction_score', 'scores'],
	['correction_sheet_aspect_sum', 'sums'],
	['correction_evidence', 'evidence']
] as const;

function correctionId(c: any) {
	return c.notNull().references('period_correction.id').onDelete('cascade');
}

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('correction_visit')
		.addColumn('correction_id', 'integer', correctionId)
		.addColumn('id', 'integer', (c) => c.notNull())
		.addColumn('period_id', 'integer', (c) => c.notNull())
		.addColumn('unit_id', 'integer', (c) => c.notNull())
		.addColumn('visit_no', 'integer', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('coaching_plan_id', 'integer')
		.addColumn('planned_on', 'text')
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('correction_visit_pk', ['correction_id', 'id'])
		.modifyEnd(sql`strict`)
		.execute();
	// A unit's report card reads its published sheets during a correction.
	await db.schema
		.createIndex('correction_visit_unit_idx')
		.on('correction_visit')
		.columns(['correction_id', 'unit_id'])
		.execute();
	await db.schema
		.createTable('correction_visit_assessor')
		.addColumn('correction_id', 'integer', correctionId)
		.addColumn('visit_id', 'integer', (c) => c.notNull())
		.addColumn('user_id', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('correction_visit_assessor_pk', ['correction_id', 'visit_id', 'user_id'])
		.modifyEnd(sql`strict, without rowid`)
		.execute();
	await db.schema
		.createTable('correction_sheet')
		.addColumn('correction_id', 'integer', correctionId)
		.addColumn('id', 'integer', (c) => c.notNull())
		.addColumn('visit_id', 'integer', (c) => c.notNull())
		.addColumn('assessor_id', 'integer', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('submitted_at', 'integer')
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('correction_sheet_pk', ['correction_id', 'id'])
		.modifyEnd(sql`strict`)
		.execute();
	await db.schema
		.createIndex('correction_sheet_visit_idx')
		.on('correction_sheet')
		.columns(['correction_id', 'visit_id'])
		.execute();
	await db.schema
		.createTable('correction_score')
		.addColumn('correction_id', 'integer', correctionId)
		.addColumn('sheet_id', 'integer', (c) => c.notNull())
		.addColumn('indicator_id', 'integer', (c) => c.notNull())
		.addColumn('score', 'integer')
		.addColumn('note', 'text')
		.addPrimaryKeyConstraint('correction_score_pk', ['correction_id', 'sheet_id', 'indicator_id'])
		.modifyEnd(sql`strict, without rowid`)
		.execute();
	await db.schema
		.createTable('correction_sheet_aspect_sum')
		.addColumn('correction_id', 'integer', correctionId)
		.addColumn('sheet_id', 'integer', (c) => c.notNull())
		.addColumn('aspect_id', 'integer', (c) => c.notNull())
		.addColumn('weighted_sum', 'real', (c) => c.notNull())
		.addPrimaryKeyConstraint('correction_sheet_aspect_sum_pk', ['correction_id', 'sheet_id', 'aspect_id'])
		.modifyEnd(sql`strict, without rowid`)
		.execute();
	await db.schema
		.createTable('correction_evidence')
		.addColumn('correction_id', 'integer', correctionId)
		.addColumn('id', 'integer', (c) => c.notNull())
		.addColumn('sheet_id', 'integer', (c) => c.notNull())
		.addColumn('indicator_id', 'integer', (c) => c.notNull())
		.addColumn('file_id', 'integer', (c) => c.notNull())
		.addColumn('original_name', 'text', (c) => c.notNull())
		.addColumn('uploaded_by', 'integer', (c) => c.notNull())
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('correction_evidence_pk', ['correction_id', 'id'])
		.modifyEnd(sql`strict`)
		.execute();
	await db.schema
		.createIndex('correction_evidence_sheet_idx')
		.on('correction_evidence')
		.columns(['correction_id', 'sheet_id'])
		.execute();

	const open = await db
		.selectFrom('period_correction')
		.select(['id', 'backup'])
		.where('status', '=', 'open')
		.execute();
	for (const c of open) {
		const backup = JSON.parse(c.backup) as StoredBackup;
		for (const [table, key] of TABLES) {
			const rows = (backup[key] ?? []).map((r) => ({ correction_id: c.id, ...r }));
			for (let i = 0; i < rows.length; i += INSERT_SLICE)
				await db
					.insertInto(table)
					.values(rows.slice(i, i + INSERT_SLICE))
					.execute();
		}
	}
	await db.schema.alterTable('period_correction').dropColumn('backup').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('period_correction')
		.addColumn('backup', 'text', (c) => c.notNull().defaultTo('{}'))
		.execute();
	const open = await db.selectFrom('period_correction').select('id').where('status', '=', 'open').execute();
	for (const c of open) {
		const backup: StoredBackup = {};
		for (const [table, key] of TABLES) {
			const rows = await db.selectFrom(table).selectAll().where('correction_id', '=', c.id).execute();
			backup[key] = rows.map(({ correction_id: _, ...r }) => r);
		}
		await db
			.updateTable('period_correction')
			.set({ backup: JSON.stringify(backup) })
			.where('id', '=', c.id)
			.execute();
	}
	for (const [table] of [...TABLES].reverse()) await db.schema.dropTable(table).execute();
}
