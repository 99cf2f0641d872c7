import { readConfig } from '../config';
import { openDatabase, type OpenDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';

/** Opens DATABASE_PATH with every migration applied, so commands never see an old schema. */
export async function openMigrated(): Promise<OpenDatabase> {
	const opened = openDatabase(readConfig().databasePath);
	await migrateToLatest(opened.db);
	return opened;
}
