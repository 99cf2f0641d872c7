import { readConfig } from '../config';
import { databaseTarget, openDatabase, type OpenDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { seedInstruments } from '../../../../db/seeds/demo-city';

/**
 * Opens DATABASE_PATH with every migration applied and both shipped instruments present, so that
 * commands never see an old schema and `create-period --instrument ...` works on a new database.
 */
export async function openMigrated(): Promise<OpenDatabase> {
	const opened = openDatabase(databaseTarget(readConfig()));
	await migrateToLatest(opened.db);
	await seedInstruments(opened.db, new Date());
	return opened;
}

/** Runs a command's work on the migrated database and closes it, whether the work ends or throws. */
export async function withMigrated<T>(work: (opened: OpenDatabase) => Promise<T>): Promise<T> {
	const opened = await openMigrated();
	try {
		return await work(opened);
	} finally {
		await opened.db.destroy();
	}
}
