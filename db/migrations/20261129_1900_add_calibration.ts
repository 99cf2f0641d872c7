import { sql, type Kysely } from 'kysely';
import { isPostgres, replaceColumnCheck } from './engine';

// Calibration round (docs/rules.md §9.1): calibration visits are visits of kind 'calibration', so
// every results, flags, leniency and coaching query, which reads kind 'regular' only, leaves them
// out by construction; the sheets themselves are the usual score sheets (offline included).
// SQLite cannot widen a CHECK constraint in place, so `visit` is rebuilt the documented way
// (SQLite "ALTER TABLE": making other kinds of table schema changes): migrateToLatest turns foreign
// keys off around the migrations' transaction, so dropping the old table cascades into nothing, and
// this migration checks every foreign key itself before the transaction commits.
const VISIT_COLUMNS = 'id, period_id, unit_id, visit_no, kind, coaching_plan_id, planned_on, created_at';

async function rebuildVisit(db: Kysely<any>, kinds: string): Promise<void> {
	if (isPostgres(db)) return replaceColumnCheck(db, 'visit', 'kind', `kind in (${kinds})`);
	const { rows } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
	if (rows[0]?.foreign_keys) throw new Error('visit hanya dapat dibangun ulang dengan foreign_keys = OFF');
	await db.schema
		.createTable('visit_next')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('period_id', 'integer', (c) => c.notNull().references('period.id').onDelete('cascade'))
		.addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
		.addColumn('visit_no', 'integer', (c) => c.notNull().check(sql`visit_no >= 1`))
		.addColumn('kind', 'text', (c) =>
			c
				.notNull()
				.defaultTo('regular')
				.check(sql.raw(`kind in (${kinds})`))
		)
		.addColumn('coaching_plan_id', 'integer', (c) => c.references('coaching_plan.id').onDelete('cascade'))
		.addColumn('planned_on', 'text')
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addUniqueConstraint('visit_unique', ['period_id', 'unit_id', 'kind', 'visit_no'])
		.modifyEnd(sql`strict`)
		.execute();
	await sql.raw(`insert into visit_next (${VISIT_COLUMNS}) select ${VISIT_COLUMNS} from visit`).execute(db);
	await sql`drop table visit`.execute(db);
	await sql`alter table visit_next rename to visit`.execute(db);
	await db.schema.createIndex('visit_unit_idx').on('visit').columns(['unit_id', 'period_id']).execute();
	const broken = await sql`pragma foreign_key_check`.execute(db);
	if (broken.rows.length > 0)
		throw new Error(`kunci asing rusak setelah membangun ulang visit: ${JSON.stringify(broken.rows[0])}`);
}

export async function up(db: Kysely<any>): Promise<void> {
	await rebuildVisit(db, "'regular', 'follow_up', 'calibration'");
	// Assessors the office marked as calibrated in a period (after reading the round's results).
	await db.schema
		.createTable('calibrated_assessor')
		.addColumn('period_id', 'integer', (c) => c.notNull().references('period.id').onDelete('cascade'))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id'))
		.addColumn('marked_by', 'integer', (c) => c.references('user.id'))
		.addColumn('marked_at', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('calibrated_assessor_pk', ['period_id', 'user_id'])
		.modifyEnd(sql`strict, without rowid`)
		.execute();
	// 1: the planner ("Buat jadwal") puts only calibrated assessors on visits of this period.
	await db.schema
		.alterTable('period')
		.addColumn('require_calibrated', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(0)
				.check(sql`require_calibrated in (0, 1)`)
		)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('period').dropColumn('require_calibrated').execute();
	await db.schema.dropTable('calibrated_assessor').execute();
	await db.deleteFrom('visit').where('kind', '=', 'calibration').execute();
	await rebuildVisit(db, "'regular', 'follow_up'");
}
