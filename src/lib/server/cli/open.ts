import { readConfig } from '../config';
import { databaseTarget, openDatabase, type OpenDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { seedInstruments } from '../../../../db/seeds/demo-city';

/** The database a command works on, and how many migrations opening it applied. */
export type MigratedDatabase = OpenDatabase & { applied: number };

/**
 * Runs a command's work on DATABASE_PATH with every migration applied and both shipped instruments
 * present, so that commands never see an old schema and `create-period --instrument ...` works on
 * a new database; the database is closed whether the work ends or throws.
 */
export async function withMigrated<T>(work: (opened: MigratedDatabase) => Promise<T>): Promise<T> {
	const opened = openDatabase(databaseTarget(readConfig()));
	try {
		const result = await migrateToLatest(opened.db);
		// The shipped instruments are data every database needs, like the schema.
		await seedInstruments(opened.db, new Date());
		const applied = result.results?.filter((r) => r.status === 'Success').length ?? 0;
		return await work({ ...opened, applied });
	} finally {
		await opened.db.destroy();
	}
}
