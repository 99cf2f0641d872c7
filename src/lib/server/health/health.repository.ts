import { sql } from 'kysely';
import type { Db } from '../db/connection';

/** True when the database answers a query. */
export async function pingDatabase(db: Db): Promise<boolean> {
	const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db);
	return rows[0]?.one === 1;
}
