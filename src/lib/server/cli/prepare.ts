import { readConfig } from '../config';
import { openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { hasUnitsOrPeriods } from '../periods/period.repository';
import { seedDemoCity, seedInstruments } from '../../../../db/seeds/demo-city';

/** What `npm start` does before serving: migrate, ship the instruments, seed an empty database. */
export async function prepareDatabase(log: (line: string) => void = console.log): Promise<void> {
	const config = readConfig();
	const { db } = openDatabase(config.databasePath);
	try {
		await migrateToLatest(db);
		const now = new Date();
		await seedInstruments(db, now);
		if (config.demoSeed && !(await hasUnitsOrPeriods(db))) {
			const result = await db.transaction().execute((trx) => seedDemoCity(trx, now));
			log(`Kota Contoh diisi: ${result.units} unit, ${result.users} akun (DEMO_SEED=1).`);
		}
	} finally {
		await db.destroy();
	}
}
