import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../../../src/lib/server/db/connection';
import { withDatabase } from '../../integration/support/pg-template';
import { CATEGORIES, unitCode } from './national-period';

// Databases of the benchmark's throwaway cluster (scripts/pg-cluster.js), and the units of the
// national period written to one of them.

/** Creates database `name` (optionally a copy of `template`, which must have no connections). */
export async function createDatabase(url: string, name: string, template?: string): Promise<string> {
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	try {
		await admin.query(`create database "${name}"${template ? ` template "${template}"` : ''}`);
	} finally {
		await admin.end();
	}
	return withDatabase(url, name);
}

/** The units of insertUnits (national-period.ts), in batches (the bench measures score import, not this). */
export async function insertUnitsPostgres(db: Db, count: number): Promise<void> {
	const now = Date.now();
	const categories = await db
		.insertInto('category')
		.values(CATEGORIES.map((name, position) => ({ name, position })))
		.returning('id')
		.execute();
	const ids = categories.map((c) => c.id);
	for (let first = 1; first <= count; first += 1000) {
		const batch = [];
		for (let i = first; i < Math.min(first + 1000, count + 1); i++)
			batch.push({
				code: unitCode(i),
				name: `Unit Layanan ${i}`,
				category_id: ids[i % ids.length],
				survey_token: randomBytes(12).toString('hex'),
				created_at: now,
				updated_at: now
			});
		await db.insertInto('unit').values(batch).execute();
	}
}
