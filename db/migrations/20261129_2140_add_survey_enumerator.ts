import { sql, type Kysely } from 'kysely';
import { isPostgres, replaceColumnCheck } from './engine';

// Survey enumerators (README "Survey enumerators"): staff of the firm running the SKM enter
// face-to-face questionnaires on a tablet, also offline. They get their own role, the office assigns
// them to units within a period, and their responses carry the channel `enumerator` and the id the
// device made for each, so that a resend never counts twice.
//
// SQLite cannot change a CHECK constraint in place: `user` and `survey_response` are rebuilt the
// way SQLite documents (new table, copy, drop, rename), with foreign keys switched off around the
// migration by src/lib/server/db/migrate.ts and checked below before the transaction commits.
// Frozen in time: never edit once landed.

const ROLES_BEFORE = `'admin', 'assessor', 'unit_head', 'viewer'`;
const ROLES_AFTER = `${ROLES_BEFORE}, 'enumerator'`;
const SOURCES_BEFORE = `'online', 'paper'`;
const SOURCES_AFTER = `${SOURCES_BEFORE}, 'enumerator'`;

async function rebuildUser(db: Kysely<any>, roles: string): Promise<void> {
	if (isPostgres(db)) return replaceColumnCheck(db, 'user', 'role', `role in (${roles})`);
	await db.schema
		.createTable('user_rebuilt')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) => c.notNull().check(sql.raw(`role in (${roles})`)))
		.addColumn('password_hash', 'text')
		.addColumn('affiliation_type', 'text', (c) =>
			c.check(sql`affiliation_type in ('university', 'student_board', 'other')`)
		)
		.addColumn('affiliation_name', 'text')
		.addColumn('phone', 'text')
		.addColumn('active', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(1)
				.check(sql`active in (0, 1)`)
		)
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.modifyEnd(sql`strict`)
		.execute();
	await sql`insert into user_rebuilt select id, email, name, role, password_hash, affiliation_type,
		affiliation_name, phone, active, created_at, updated_at from "user"`.execute(db);
	await db.schema.dropTable('user').execute();
	await db.schema.alterTable('user_rebuilt').renameTo('user').execute();
	await db.schema.createIndex('user_role_idx').on('user').column('role').execute();
}

const COLUMNS = `id, period_id, unit_id, submitted_at, u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band,
	education, occupation, service, suggestion, suggestion_status, source, entered_by`;

async function rebuildSurveyResponse(db: Kysely<any>, sources: string, withDevice: boolean): Promise<void> {
	if (isPostgres(db)) return changeSurveyResponseInPlace(db, sources, withDevice);
	const answer = (col: string) => sql.raw(`${col} between 1 and 4`);
	let table = db.schema
		.createTable('survey_response_rebuilt')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('period_id', 'integer', (c) => c.notNull().references('period.id').onDelete('cascade'))
		.addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
		.addColumn('submitted_at', 'integer', (c) => c.notNull());
	for (let u = 1; u <= 9; u++)
		table = table.addColumn(`u${u}`, 'integer', (c) => c.notNull().check(answer(`u${u}`)));
	table = table
		.addColumn('sex', 'text')
		.addColumn('age_band', 'text')
		.addColumn('education', 'text')
		.addColumn('occupation', 'text')
		.addColumn('service', 'text')
		.addColumn('suggestion', 'text')
		.addColumn('suggestion_status', 'text', (c) =>
			c.check(sql`suggestion_status in ('pending', 'approved', 'rejected')`)
		)
		.addColumn('source', 'text', (c) =>
			c
				.notNull()
				.defaultTo('online')
				.check(sql.raw(`source in (${sources})`))
		)
		.addColumn('entered_by', 'integer', (c) => c.references('user.id'));
	// the id the enumerator's device gave the questionnaire (8-64 letters, digits, dashes)
	if (withDevice) table = table.addColumn('device_id', 'text');
	await table.modifyEnd(sql`strict`).execute();
	await sql`insert into survey_response_rebuilt (${sql.raw(COLUMNS)})
		select ${sql.raw(COLUMNS)} from survey_response`.execute(db);
	await db.schema.dropTable('survey_response').execute();
	await db.schema.alterTable('survey_response_rebuilt').renameTo('survey_response').execute();
	const indexes: [string, string[]][] = [
		['survey_response_period_unit_idx', ['period_id', 'unit_id']],
		['survey_response_unit_time_idx', ['unit_id', 'submitted_at']],
		['survey_response_time_idx', ['submitted_at']]
	];
	for (const [name, columns] of indexes)
		await db.schema.createIndex(name).on('survey_response').columns(columns).execute();
	if (withDevice)
		await db.schema
			.createIndex('survey_response_device_idx')
			.unique()
			.on('survey_response')
			.columns(['entered_by', 'device_id'])
			.where(sql.ref('device_id'), 'is not', null)
			.execute();
}

async function changeSurveyResponseInPlace(
	db: Kysely<any>,
	sources: string,
	withDevice: boolean
): Promise<void> {
	await replaceColumnCheck(db, 'survey_response', 'source', `source in (${sources})`);
	if (!withDevice) {
		await db.schema.dropIndex('survey_response_device_idx').ifExists().execute();
		await db.schema.alterTable('survey_response').dropColumn('device_id').execute();
		return;
	}
	await db.schema.alterTable('survey_response').addColumn('device_id', 'text').execute();
	await db.schema
		.createIndex('survey_response_device_idx')
		.unique()
		.on('survey_response')
		.columns(['entered_by', 'device_id'])
		.where(sql.ref('device_id'), 'is not', null)
		.execute();
}

async function checkForeignKeys(db: Kysely<any>): Promise<void> {
	// PostgreSQL never lets a reference break, not even inside a migration.
	if (isPostgres(db)) return;
	const { rows } = await sql<{ table: string }>`pragma foreign_key_check`.execute(db);
	if (rows.length) throw new Error(`foreign keys broken in ${rows.map((r) => r.table).join(', ')}`);
}

export async function up(db: Kysely<any>): Promise<void> {
	await rebuildUser(db, ROLES_AFTER);
	await rebuildSurveyResponse(db, SOURCES_AFTER, true);
	await db.schema
		.createTable('survey_enumerator')
		.addColumn('period_id', 'integer', (c) => c.notNull().references('period.id').onDelete('cascade'))
		.addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id').onDelete('cascade'))
		.addPrimaryKeyConstraint('survey_enumerator_pk', ['period_id', 'unit_id', 'user_id'])
		.modifyEnd(sql`strict, without rowid`)
		.execute();
	await db.schema
		.createIndex('survey_enumerator_user_idx')
		.on('survey_enumerator')
		.column('user_id')
		.execute();
	await checkForeignKeys(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('survey_enumerator').execute();
	await sql`delete from survey_response where source = 'enumerator'`.execute(db);
	await rebuildSurveyResponse(db, SOURCES_BEFORE, false);
	await sql`delete from "user" where role = 'enumerator'`.execute(db);
	await rebuildUser(db, ROLES_BEFORE);
	await checkForeignKeys(db);
}
