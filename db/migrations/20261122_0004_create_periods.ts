import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('period')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('instrument_id', 'integer', (c) => c.notNull().references('instrument.id'))
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('draft')
				.check(sql`status in ('draft', 'running', 'review', 'published', 'archived')`)
		)
		.addColumn('required_visits', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(2)
				.check(sql`required_visits >= 1`)
		)
		.addColumn('required_assessors', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(2)
				.check(sql`required_assessors >= 1`)
		)
		.addColumn('awards_per_category', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(2)
				.check(sql`awards_per_category >= 0`)
		)
		.addColumn('award_min_grade', 'text')
		.addColumn('disagreement_threshold', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(2)
				.check(sql`disagreement_threshold between 1 and 5`)
		)
		// JSON, see src/lib/domain coaching rule; default: IPP <= 3.00 or any aspect < 2.51
		.addColumn('coaching_rule', 'text', (c) =>
			c.notNull().defaultTo('{"kind":"threshold","maxIpp":3,"aspectFloor":2.51}')
		)
		.addColumn('coaching_items', 'integer', (c) => c.notNull().defaultTo(5))
		// ISO dates (YYYY-MM-DD), inclusive, in the city's time zone
		.addColumn('starts_on', 'text', (c) => c.notNull())
		.addColumn('ends_on', 'text', (c) => c.notNull())
		.addColumn('survey_from', 'text', (c) => c.notNull())
		.addColumn('survey_to', 'text', (c) => c.notNull())
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.modifyEnd(sql`strict`)
		.execute();

	// The units a period covers, with the category each had when it joined.
	await db.schema
		.createTable('period_unit')
		.addColumn('period_id', 'integer', (c) => c.notNull().references('period.id').onDelete('cascade'))
		.addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
		.addColumn('category_id', 'integer', (c) => c.notNull().references('category.id'))
		.addPrimaryKeyConstraint('period_unit_pk', ['period_id', 'unit_id'])
		.modifyEnd(sql`strict, without rowid`)
		.execute();
	await db.schema.createIndex('period_unit_unit_idx').on('period_unit').column('unit_id').execute();

	// Coaching plans come before visits: a follow-up visit belongs to a plan.
	await db.schema
		.createTable('coaching_plan')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('period_id', 'integer', (c) => c.notNull().references('period.id').onDelete('cascade'))
		.addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('draft')
				.check(sql`status in ('draft', 'active', 'completed', 'cancelled')`)
		)
		.addColumn('mentor_id', 'integer', (c) => c.references('user.id'))
		.addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addColumn('updated_at', 'integer', (c) => c.notNull())
		.addUniqueConstraint('coaching_plan_unique', ['period_id', 'unit_id'])
		.modifyEnd(sql`strict`)
		.execute();

	await db.schema
		.createTable('visit')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('period_id', 'integer', (c) => c.notNull().references('period.id').onDelete('cascade'))
		.addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
		.addColumn('visit_no', 'integer', (c) => c.notNull().check(sql`visit_no >= 1`))
		// follow_up visits re-score a coaching plan's indicators and never enter the IPP (docs/rules.md §5)
		.addColumn('kind', 'text', (c) =>
			c
				.notNull()
				.defaultTo('regular')
				.check(sql`kind in ('regular', 'follow_up')`)
		)
		.addColumn('coaching_plan_id', 'integer', (c) => c.references('coaching_plan.id').onDelete('cascade'))
		.addColumn('planned_on', 'text')
		.addColumn('created_at', 'integer', (c) => c.notNull())
		.addUniqueConstraint('visit_unique', ['period_id', 'unit_id', 'kind', 'visit_no'])
		.modifyEnd(sql`strict`)
		.execute();
	await db.schema.createIndex('visit_unit_idx').on('visit').columns(['unit_id', 'period_id']).execute();

	// A visit's assessors are a team; each fills a sheet of their own.
	await db.schema
		.createTable('visit_assessor')
		.addColumn('visit_id', 'integer', (c) => c.notNull().references('visit.id').onDelete('cascade'))
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user.id'))
		.addPrimaryKeyConstraint('visit_assessor_pk', ['visit_id', 'user_id'])
		.modifyEnd(sql`strict, without rowid`)
		.execute();
	await db.schema.createIndex('visit_assessor_user_idx').on('visit_assessor').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const t of ['visit_assessor', 'visit', 'coaching_plan', 'period_unit', 'period'])
		await db.schema.dropTable(t).execute();
}
