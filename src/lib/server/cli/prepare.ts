import { randomBytes } from 'node:crypto';
import { readConfig, type AppConfig } from '../config';
import { databaseTarget, openDatabase, type OpenDatabase } from '../db/connection';
import { withStartupLock } from '../db/dialect';
import {
	MigrationFailed,
	migrateToLatest,
	pendingMigrations,
	shippedMigrations,
	type Migrations
} from '../db/migrate';
import { backupInto } from '../backup/database-backup';
import { hasUnitsOrPeriods } from '../periods/period.repository';
import { findOrCreateSurveyFormKey } from '../survey/intake/survey-secret.repository';
import { seedDemoCity, seedInstruments } from '../../../../db/seeds/demo-city';

/** A start that must not go on; message is the one line the operator reads. */
export class StartRefused extends Error {}

export interface PrepareOptions {
	config?: AppConfig;
	/** The migrations to apply; tests inject a failing one (README "Production": safe upgrades). */
	migrations?: Migrations;
	log?: (line: string) => void;
	now?: Date;
}

/**
 * What `npm start` does before serving: back up a database that has pending migrations, apply
 * them in one transaction, ship the instruments, seed an empty database.
 */
export async function prepareDatabase(options: PrepareOptions = {}): Promise<void> {
	const config = options.config ?? readConfig();
	const opened = openDatabase(databaseTarget(config));
	try {
		// Processes starting together on one PostgreSQL database take turns: the first migrates and
		// seeds, the others then find nothing left to do (README "When one machine is not enough").
		await withStartupLock(opened.db, () => prepareOpened(opened, config, options));
	} finally {
		await opened.db.destroy();
	}
}

async function prepareOpened(
	{ db, sqlite }: OpenDatabase,
	config: AppConfig,
	options: PrepareOptions
): Promise<void> {
	const log = options.log ?? console.log;
	const now = options.now ?? new Date();
	const migrations = options.migrations ?? shippedMigrations;
	const pending = await pendingMigrations(db, migrations);
	const upgrading = pending.length > 0 && pending.length < Object.keys(migrations).length;
	let backup: string | null = null;
	// PostgreSQL is backed up by its operators (pg_dump); its migrations are transactional too.
	if (upgrading && sqlite) {
		backup = (await backupInto(sqlite, config.backupDir, 'pre-upgrade', now)).path;
		log(`Cadangan sebelum ${pending.length} migrasi: ${backup}`);
	}
	try {
		await migrateToLatest(db, migrations);
	} catch (e) {
		if (!(e instanceof MigrationFailed)) throw e;
		throw new StartRefused(
			`Pemutakhiran dibatalkan: ${e.message}. Basis data tidak diubah` +
				(backup ? `; cadangan sebelum pemutakhiran: ${backup}` : '') +
				'.'
		);
	}
	await seedInstruments(db, now);
	// Made at start rather than by the first survey request: no request, refused or not, writes it.
	await findOrCreateSurveyFormKey(db, () => randomBytes(32).toString('base64url'));
	if (config.demoSeed && !(await hasUnitsOrPeriods(db))) {
		const result = await db.transaction().execute((trx) => seedDemoCity(trx, now));
		log(`Kota Contoh diisi: ${result.units} unit, ${result.users} akun (DEMO_SEED=1).`);
	}
}
