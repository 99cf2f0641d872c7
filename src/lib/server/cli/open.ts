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
