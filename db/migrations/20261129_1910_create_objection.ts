import { sql, type Kysely } from 'kysely';

// Objection window (masa sanggah, docs/rules.md §9.2): before publication unit heads object per
// indicator with a claimed level, a reason and evidence; the office accepts (extra visit or a
// reopened sheet) or rejects with a reason. `objection_until` is the window's last day.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('period')
		.addColumn('objection_until', 'text', (c) =>
			c.check(
				sql`objection_until is null or objection_until glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`
			)
		)
		.execute();
	await db.schema
		.createTable('objection')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('period_id', 'integer', (c) => c.notNull().references('period.id').onDelete('cascade'))
		.addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
		.addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id'))
		.addColumn('claimed_level', 'integer', (c) => c.notNull().check(sql`claimed_level between 0 and 5`))
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('filed_by', 'integer', (c) => c.notNull().references('user.id'))
		.addColumn('filed_at', 'integer', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('open')
				.check(sql`status in ('open', 'accepted', 'rejected')`)
		)
		// accepted: how the level is re-examined; never a number typed by the office
		.addColumn('outcome', 'text', (c) =>
			c.check(sql`outcome is null or outcome in ('extra_visit', 'reopen')`)
		)
		.addColumn('answer', 'text')
		.addColumn('answered_by', 'integer', (c) => c.references('user.id'))
		.addColumn('answered_at', 'integer')
		// one objection per unit and indicator in a period
		.addUniqueConstraint('objection_unique', ['period_id', 'unit_id', 'indicator_id'])
		.modifyEnd(sql`strict`)
		.execute();
	await db.schema
		.createTable('objection_evidence')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('objection_id', 'integer', (c) => c.notNull().references('objection.id').onDelete('cascade'))
		.addColumn('file_id', 'integer', (c) => c.notNull().references('stored_file.id'))
		.addColumn('original_name', 'text', (c) => c.notNull())
		.modifyEnd(sql`strict`)
		.execute();
	await db.schema
		.createIndex('objection_evidence_idx')
		.on('objection_evidence')
		.column('objection_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('objection_evidence').execute();
	await db.schema.dropTable('objection').execute();
	await db.schema.alterTable('period').dropColumn('objection_until').execute();
}
