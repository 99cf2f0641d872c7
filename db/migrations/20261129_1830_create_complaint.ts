import { sql, type Kysely } from 'kysely';

// Complaint records for triangulation (docs/rules.md §9.3; README "Complaints and triangulation"): one row
// per ticket, replaced when the ticket is imported again. Dates are ISO calendar dates.
const ISO_DATE = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'";

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('complaint')
		.addColumn('id', 'integer', (c) => c.primaryKey())
		.addColumn('ticket', 'text', (c) => c.notNull().unique())
		.addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
		.addColumn('received', 'text', (c) => c.notNull().check(sql.raw(`received glob ${ISO_DATE}`)))
		// null while the complaint is open
		.addColumn('closed', 'text', (c) =>
			c.check(sql.raw(`closed is null or (closed glob ${ISO_DATE} and closed >= received)`))
		)
		.addColumn('channel', 'text')
		.addColumn('imported_at', 'integer', (c) => c.notNull())
		.modifyEnd(sql`strict`)
		.execute();
	// A period's figures read one unit's complaints by received date (its survey window).
	await db.schema
		.createIndex('complaint_unit_received_idx')
		.on('complaint')
		.columns(['unit_id', 'received'])
		.execute();
	await db.schema.createIndex('complaint_received_idx').on('complaint').column('received').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('complaint').execute();
}
